import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { apiKeyMatcher, bearerToken } from '../api-keys.ts';
import type { IndexUpdates } from '../documents/index-updates.ts';
import type { DocumentLibrary } from '../documents/library.ts';
import { deleteDocumentSchema, ingestStatusRouteSchema, listDocumentsSchema, uploadDocumentsSchema, type UploadQuery } from '../schemas/documents.ts';

export interface DocumentRoutesOptions {
  config: Config;
  /** The documents folder and its ingest; undefined until the service has loaded (routes answer 503 meanwhile). */
  documents: () => { library: DocumentLibrary; updates: IndexUpdates } | undefined;
}

/** Files one upload request may carry. */
const MAX_FILES_PER_UPLOAD = 20;

/** Uploads and deletions change what everyone is answered from: with keys configured, only admin keys may. */
function adminGuard(config: Config) {
  const required = config.API_KEYS.length > 0 || config.ADMIN_API_KEYS.length > 0;
  const isAdmin = apiKeyMatcher(config.ADMIN_API_KEYS);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!required || isAdmin(bearerToken(request.headers.authorization)) !== undefined) return;
    // A valid key that is not an admin key is forbidden; no key or a wrong one is unauthorised, as on every route.
    if (request.apiKeyId !== undefined) {
      throw new AppError('FORBIDDEN', config.ADMIN_API_KEYS.length ? undefined : 'Managing documents needs an admin key: set ADMIN_API_KEYS on the server');
    }
    reply.header('www-authenticate', 'Bearer');
    throw new AppError('UNAUTHORIZED');
  };
}

/** Multipart's own limits, as the app's errors. */
function uploadError(error: unknown, config: Config): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('DOCUMENT_TOO_LARGE', `A file is larger than ${config.UPLOAD_MAX_BYTES} bytes (UPLOAD_MAX_BYTES)`);
  if (code === 'FST_FILES_LIMIT') return new AppError('PAYLOAD_TOO_LARGE', `Send at most ${MAX_FILES_PER_UPLOAD} files per request`);
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the files as multipart/form-data');
  return error;
}

/** GET/POST/DELETE /v1/documents: the documents folder, managed over HTTP; each change is indexed by an incremental ingest. */
export default async function documentsRoutes(app: FastifyInstance, { config, documents }: DocumentRoutesOptions) {
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_BYTES, files: MAX_FILES_PER_UPLOAD, fields: 10, parts: MAX_FILES_PER_UPLOAD + 10 } });
  app.addHook('onRequest', adminGuard(config));
  const ready = () => {
    const loaded = documents();
    if (!loaded) throw new AppError('NOT_READY');
    return loaded;
  };

  app.get('/v1/documents', { schema: listDocumentsSchema }, async () => {
    const { library, updates } = ready();
    const list = await library.list();
    const count = (status: string) => list.filter((d) => d.status === status).length;
    return { documents: list, counts: { indexed: count('indexed'), skipped: count('skipped'), pending: count('pending') }, ingest: updates.status() };
  });

  app.get('/v1/documents/status', { schema: ingestStatusRouteSchema }, async () => ready().updates.status());

  app.post<{ Querystring: UploadQuery }>('/v1/documents', { schema: uploadDocumentsSchema }, async (request, reply) => {
    const { library, updates } = ready();
    const replace = request.query.replace === 'true';
    const stored: { source: string; replaced: boolean }[] = [];
    try {
      for await (const part of request.files()) stored.push(await library.add(part.filename, await part.toBuffer(), replace));
    } catch (error) {
      throw uploadError(error, config);
    }
    if (stored.length === 0) throw new AppError('INVALID_REQUEST', 'No file in the upload: send one or more files as multipart/form-data');
    return reply.code(202).send({ documents: stored, ingest: updates.status() });
  });

  app.delete<{ Params: { source: string } }>('/v1/documents/:source', { schema: deleteDocumentSchema }, async (request, reply) => {
    const { library, updates } = ready();
    const { source } = request.params;
    await library.remove(source);
    return reply.code(202).send({ deleted: source, ingest: updates.status() });
  });
}
