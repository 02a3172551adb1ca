// `npm start`: serve the production build (dist/, built just before) and print where.
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { port, strictPort: false, host: process.env.HOST ?? '127.0.0.1', open: false } });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Chengyu Atlas is being served at ${url}  (Ctrl+C to stop)`);
