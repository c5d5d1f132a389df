import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';

/**
 * Lets `app.close()` finish as soon as the last in-flight request is answered. Node's server.close()
 * (with `forceCloseConnections: 'idle'`) only reaps sockets idle at that moment, so it would wait
 * (up to headersTimeout / keepAliveTimeout) for sockets that never sent a request and for keep-alive
 * sockets whose request finishes after close began.
 */
export default fp(
  async function connectionDraining(app) {
    let closing = false;
    const silent = new Set<Socket>();

    app.server.on('connection', (socket: Socket) => {
      silent.add(socket);
      socket.once('close', () => silent.delete(socket));
    });
    app.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const socket = request.socket;
      silent.delete(socket);
      response.once('finish', () => {
        if (closing) socket.end();
      });
    });

    // Tells keep-alive clients not to reuse the socket once shutdown has begun.
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close');
    });

    app.addHook('preClose', async () => {
      closing = true;
      for (const socket of silent) socket.destroy();
      silent.clear();
    });
  },
  { name: 'connection-draining' },
);
