import websocket from '@fastify/websocket';
import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { subscribeTo } from '../../platform/live-events.ts';
import { Bell, markBellRead, myBell } from './bell.ts';

/** How often an idle socket is pinged, so that proxies keep it open and dead peers are noticed. */
const PING_EVERY_MS = 30_000;

export async function notificationsRoutes(app: App, { db }: Services): Promise<void> {
  const tags = ['notifications'];
  app.get('/api/notifications', { config: { authenticated: true }, schema: { tags, response: { 200: Bell } } }, (req) =>
    myBell(db, req.ctx),
  );
  app.post(
    '/api/notifications/read',
    { config: { authenticated: true }, schema: { tags, response: { 200: z.object({ ok: z.literal(true) }) } } },
    (req) => markBellRead(db, req.ctx),
  );

  // Live: the socket says "notifications" when something new is addressed to the signed-in user; the bell refetches.
  await app.register(websocket);
  app.get(
    '/api/notifications/live',
    {
      websocket: true,
      config: { authenticated: true },
      // A refused upgrade (no session: 401) is answered on a socket the HTTP server no longer tracks: end it, or it
      // stays open (and a server closing waits for it).
      onResponse: async (req, reply) => {
        if (reply.statusCode !== 101 && req.raw.headers.upgrade) req.raw.socket.destroy();
      },
    },
    (socket, req) => {
      const stop = subscribeTo(req.ctx.employeeId, (topic) => socket.send(JSON.stringify({ topic })));
      const ping = setInterval(() => socket.ping(), PING_EVERY_MS);
      socket.on('close', () => {
        clearInterval(ping);
        stop();
      });
    },
  );
}
