import type { ServerResponse } from 'node:http';
import type { ApiEventMessage } from '../common/api';

/**
 * Server-Sent Events for the browser host (`GET /api/events`): each contract event goes to every open stream
 * as `event: <name>` with the payload as JSON data. A comment line every 20 s keeps idle connections open.
 */
export class EventStreamHub {
  private readonly streams = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) stream.write(': keep-alive\n\n');
    }, 20_000);
    this.heartbeat.unref();
  }

  open(response: ServerResponse, headers: Record<string, string>): void {
    response.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    this.streams.add(response);
    response.on('close', () => this.streams.delete(response));
  }

  publish(message: ApiEventMessage): void {
    const frame = `event: ${message.name}\ndata: ${JSON.stringify(message.payload)}\n\n`;
    for (const stream of this.streams) stream.write(frame);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }
}
