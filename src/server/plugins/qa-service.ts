import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { QaService } from '../../types.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** The QA engine; throws NOT_READY (503) while the index is still loading. */
    qa(): QaService;
    /** True once the QA engine is available. */
    isReady(): boolean;
  }
}

export interface QaServicePluginOptions {
  config: Config;
  /** Returns undefined until the engine has loaded its index. */
  qa: () => QaService | undefined;
}

/** Makes the config and the (late-arriving) QA engine available to every route. */
export default fp<QaServicePluginOptions>(
  async function qaService(app, options) {
    app.decorate('config', options.config);
    app.decorate('isReady', () => options.qa() !== undefined);
    app.decorate('qa', () => {
      const qa = options.qa();
      if (!qa) throw new AppError('NOT_READY');
      return qa;
    });
  },
  { name: 'qa-service' },
);
