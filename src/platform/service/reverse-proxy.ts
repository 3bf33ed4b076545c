import type { ReverseProxyConfig } from '../contract/config';

/** Path nginx answers itself, for its own container health check. */
export const REVERSE_PROXY_HEALTH_PATH = '/nginx-health';

/**
 * The nginx configuration of a service's reverse proxy: it listens on the proxy port, answers its
 * own health path, and passes everything else to the application over the task's loopback
 * interface with the usual forwarding headers. Every path nginx writes is under /tmp, so the
 * container runs with a read-only root file system.
 */
export function reverseProxyConfig(proxy: ReverseProxyConfig, applicationPort: number): string {
  return `worker_processes auto;
pid /tmp/nginx.pid;
error_log /dev/stderr warn;
events {
  worker_connections 1024;
}
http {
  access_log /dev/stdout;
  server_tokens off;
  client_body_temp_path /tmp/client_body;
  proxy_temp_path /tmp/proxy;
  fastcgi_temp_path /tmp/fastcgi;
  uwsgi_temp_path /tmp/uwsgi;
  scgi_temp_path /tmp/scgi;
  server {
    listen ${proxy.port};
    location = ${REVERSE_PROXY_HEALTH_PATH} {
      access_log off;
      return 200 "ok";
    }
    location / {
      proxy_pass http://127.0.0.1:${applicationPort};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;
    }
  }
}
`;
}

/**
 * The command of the proxy container: write the configuration from the environment into /tmp,
 * then run nginx in the foreground as the container's main process.
 */
export const REVERSE_PROXY_COMMAND = [
  'sh',
  '-c',
  'printf \'%s\' "$NGINX_CONF" > /tmp/nginx.conf && exec nginx -c /tmp/nginx.conf -g \'daemon off;\'',
];
