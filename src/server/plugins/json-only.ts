import { MIMEType } from 'node:util';
import fp from 'fastify-plugin';
import { AppError } from '../../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The charset a Content-Type names, lower-cased; null when it names none (JSON is UTF-8 by definition, RFC 8259). */
function charsetOf(contentType: string | undefined): string | null {
  // Without parameters there is no charset: most requests, and parsing the type costs more than the rest of a cached search.
  if (contentType === undefined || !contentType.includes(';')) return null;
  try {
    return new MIMEType(contentType).params.get('charset')?.toLowerCase() ?? null;
  } catch {
    return null;
  }
}

/**
 * Request bodies are JSON in UTF-8 only. Without a parser for text/plain, Fastify answers 415 to it;
 * JSON is decoded here rather than by Fastify's parser, which would read another charset as UTF-8 and
 * turn invalid bytes into U+FFFD, silently garbling the question.
 */
export default fp(
  async function jsonOnly(app) {
    app.removeContentTypeParser('text/plain');
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const charset = charsetOf(request.headers['content-type']);
      if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
        done(new AppError('UNSUPPORTED_CHARSET', `The body is declared as charset=${charset}: send it as UTF-8`), undefined);
        return;
      }
      let text: string;
      try {
        text = utf8.decode(body as Buffer);
      } catch {
        done(new AppError('INVALID_ENCODING'), undefined);
        return;
      }
      parseJson(request, text, done);
    });
  },
  { name: 'json-only' },
);
