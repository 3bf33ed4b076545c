import { Component, Project, SampleFile } from 'projen';

/**
 * Options of {@link SampleApp}.
 */
export interface SampleAppOptions {
  /** Directory of the container app. */
  readonly dir: string;
  /** Port the server listens on unless `PORT` is set. */
  readonly port: number;
  /** Path answering 200 while the server is healthy. */
  readonly healthCheckPath: string;
}

/**
 * A minimal container app of one service, written once: a dependency-free Node.js HTTP server with
 * `/` and a health endpoint on the port and path the task definition passes (`PORT`,
 * `HEALTH_CHECK_PATH`), and a Dockerfile running it as a non-root user. Replace it with your own.
 */
export class SampleApp extends Component {
  constructor(project: Project, options: SampleAppOptions) {
    super(project);
    new SampleFile(project, `${options.dir}/server.js`, { contents: serverSource(options) });
    new SampleFile(project, `${options.dir}/Dockerfile`, { contents: dockerfile(options) });
    new SampleFile(project, `${options.dir}/.dockerignore`, { contents: ['Dockerfile', '.dockerignore', 'node_modules', ''].join('\n') });
  }
}

function serverSource(options: SampleAppOptions): string {
  return `'use strict';
// Sample service: replace with your application. The task sets PORT and HEALTH_CHECK_PATH from the
// options; it must answer the health check path with 2xx while healthy.
const http = require('http');

const port = Number(process.env.PORT || ${options.port});
const healthPath = process.env.HEALTH_CHECK_PATH || ${JSON.stringify(options.healthCheckPath)};

const server = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  if (path === healthPath) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ service: process.env.SERVICE_NAME || 'sample', version: process.env.APP_VERSION || 'dev' }));
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'not found' }));
});

server.keepAliveTimeout = 65_000; // longer than the load balancer's idle timeout
server.listen(port, () => console.log(\`listening on \${port}\`));

// ECS sends SIGTERM, then SIGKILL after the stop timeout: finish in-flight requests first.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;
}

function dockerfile(options: SampleAppOptions): string {
  return `# Sample image of the service. The root filesystem is read-only at run time; /tmp is writable.
FROM public.ecr.aws/docker/library/node:22-alpine
ENV NODE_ENV=production PORT=${options.port}
WORKDIR /app
COPY server.js ./
USER node
EXPOSE ${options.port}
CMD ["node", "server.js"]
`;
}
