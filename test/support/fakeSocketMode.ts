import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** What a Socket Mode client sends back for an envelope: its id and, for commands and the like, a response. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * Slack's Socket Mode WebSocket on 127.0.0.1: says `hello` to each client that connects, sends
 * envelopes (events_api, slash_commands, interactive) to the connected client and records the
 * acknowledgements it sends back.
 */
export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  /** Request URLs of every connection, in order. */
  readonly connections: string[] = [];
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private waiters: { id: string; resolve: (ack: SocketAck) => void }[] = [];
  private closeWaiters: (() => void)[] = [];
  url = '';
  /** Connections still to be closed at once, before `hello` (a connection Slack drops while opening). */
  private dropping = 0;

  /** Closes the next `times` connections before saying hello. */
  dropNext(times = 1): void {
    this.dropping += times;
  }

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server!.once('listening', () => resolve()));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    this.server.on('connection', (socket, req) => {
      this.connections.push(req.url ?? '');
      if (this.dropping > 0) {
        this.dropping--;
        socket.close();
        return;
      }
      this.socket = socket;
      socket.on('message', (data) => this.received(String(data)));
      socket.on('close', () => {
        if (this.socket === socket) this.socket = undefined;
        for (const w of this.closeWaiters.splice(0)) w();
      });
      socket.send(JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0000001' },
      }));
    });
    return this;
  }

  private received(text: string) {
    let ack: SocketAck;
    try {
      ack = JSON.parse(text) as SocketAck;
    } catch {
      return;
    }
    if (typeof ack.envelope_id !== 'string') return;
    this.acks.push(ack);
    for (const w of this.waiters.filter((x) => x.id === ack.envelope_id)) w.resolve(ack);
    this.waiters = this.waiters.filter((x) => x.id !== ack.envelope_id);
  }

  get connected(): boolean {
    return this.socket !== undefined;
  }

  /** Sends an envelope to the connected client. */
  send(envelope: Record<string, unknown>): void {
    if (!this.socket) throw new Error('no Socket Mode client is connected');
    this.socket.send(JSON.stringify(envelope));
  }

  /** Resolves with the client's acknowledgement of `envelopeId`, or rejects after `timeoutMs`. */
  waitForAck(envelopeId: string, timeoutMs = 5000): Promise<SocketAck> {
    const done = this.acks.find((a) => a.envelope_id === envelopeId);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for envelope ${envelopeId}; acks so far: ${JSON.stringify(this.acks.map((a) => a.envelope_id))}`)), timeoutMs);
      this.waiters.push({ id: envelopeId, resolve: (ack) => { clearTimeout(timer); resolve(ack); } });
    });
  }

  /** Resolves when the connected client's socket closes (at once if none is connected). */
  waitForClose(timeoutMs = 5000): Promise<void> {
    if (!this.socket) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the Socket Mode client did not close its connection')), timeoutMs);
      this.closeWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
