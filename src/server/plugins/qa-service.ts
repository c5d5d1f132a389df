import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { IndexStatus, RefreshResult } from '../../serving/live-engine.ts';
import type { QaService } from '../../types.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** True once the QA engine is available. */
    isReady(): boolean;
    /** The served index and its refresh, when the engine is a live one. */
    indexStatus(): IndexStatus | undefined;
    /**
     * Ingests the documents now (incrementally unless `full`) and resolves once the new index is served;
     * progress shows in `indexStatus()`. Calls during a refresh are queued behind it. NOT_READY without a live index.
     */
    refreshIndex(reason: string, options?: { full?: boolean }): Promise<RefreshResult>;
  }
  interface FastifyRequest {
    /** The QA engine this request was first given: a live index swap never changes it mid-request. Throws NOT_READY (503) while none is loaded. */
    qa(): QaService;
  }
}

/** A QA engine held for one request; released when the response ends. */
export interface QaLease {
  readonly value: { qa: QaService };
  release(): void;
}

export interface QaServicePluginOptions {
  config: Config;
  /** Returns undefined until the engine has loaded its index. */
  qa: () => QaService | undefined;
  /** Leases the serving engine so that a swapped-out index is released only after the requests using it end. */
  lease?: () => QaLease | undefined;
  indexStatus?: () => IndexStatus;
  refreshIndex?: (reason: string, options?: { full?: boolean }) => Promise<RefreshResult>;
}

const PINNED = Symbol('qa engine of the request');
const LEASE = Symbol('qa lease of the request');

interface PinnedRequest {
  [PINNED]: QaService | null;
  [LEASE]: QaLease | null;
}

/** Makes the config and the (late-arriving, live-swapped) QA engine available to every route. */
export default fp<QaServicePluginOptions>(
  async function qaService(app, options) {
    const current = () => {
      const qa = options.qa();
      if (!qa) throw new AppError('NOT_READY');
      return qa;
    };
    app.decorate('config', options.config);
    app.decorate('isReady', () => options.qa() !== undefined);
    app.decorate('indexStatus', () => options.indexStatus?.());
    app.decorate('refreshIndex', (reason: string, refresh?: { full?: boolean }) =>
      options.refreshIndex ? options.refreshIndex(reason, refresh) : Promise.reject(new AppError('NOT_READY', 'This service has no live index to refresh')),
    );
    app.decorateRequest(PINNED, null);
    app.decorateRequest(LEASE, null);
    app.decorateRequest('qa', function (this: FastifyRequest) {
      const pinned = this as unknown as PinnedRequest;
      if (pinned[PINNED]) return pinned[PINNED];
      if (!options.lease) return (pinned[PINNED] = current());
      const lease = options.lease();
      if (!lease) throw new AppError('NOT_READY');
      pinned[LEASE] = lease;
      return (pinned[PINNED] = lease.value.qa);
    });
    if (options.lease) {
      // 'close' ends every response: sent, streamed to the end (hijacked), or cut off by the client.
      app.addHook('onRequest', async (request, reply) => {
        reply.raw.once('close', () => (request as unknown as PinnedRequest)[LEASE]?.release());
      });
    }
  },
  { name: 'qa-service' },
);
