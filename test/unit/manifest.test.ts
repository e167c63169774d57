import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { App } from '@slack/bolt';
import yaml from 'js-yaml';
import type { BotDeps } from '../../src/app/context.js';
import { registerListeners } from '../../src/app/listeners/index.js';
import { DEFAULT_BASE_URL } from '../../src/config.js';
import { fakeClient, listenerDeps } from '../support/listenerDeps.js';

/**
 * manifest.yml against the code: every event, shortcut and Web API method the code uses needs its
 * subscription and scope in the manifest, or Slack never sends the event (or refuses the call)
 * once installed; and the manifest asks for nothing the code does not use. What the code uses is
 * read from the code: the listeners it registers (registerListeners on a recording app) and the
 * Web API methods it calls (`client.x.y(` in src/).
 */

interface Manifest {
  features: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean };
    slash_commands?: { command: string }[];
    shortcuts?: { name: string; type: string; callback_id: string; description: string }[];
    unfurl_domains?: string[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity?: { is_enabled?: boolean } };
}

/** The scope each Web API method needs with a bot token (Slack's method reference); [] for none. */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.unfurl': ['links:write'],
  // No scope of its own; the message must be one the bot can see.
  'chat.getPermalink': [],
  // Public and private channels by name, for the owners' channels (asking the owners).
  'conversations.list': ['channels:read', 'groups:read'],
  'views.publish': [],
  'views.open': [],
  'views.update': [],
  'views.push': [],
};

/** The scope each bot event needs (Slack's event reference). */
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  app_home_opened: [],
  link_shared: ['links:read'],
  'message.im': ['im:history'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.mpim': ['mpim:history'],
};

/** Bolt's shortcut payload types, as the manifest names them. */
const SHORTCUT_TYPES: Record<string, string> = { message_action: 'message', shortcut: 'global' };

type Listener = (args: Record<string, unknown>) => Promise<void>;
interface Registrations {
  commands: unknown[];
  events: string[];
  messages: Listener[];
  shortcuts: { type: string; callback_id: string }[];
  actions: unknown[];
  views: unknown[];
}

/** Bot events Slack may send, by type: what an event listener's pattern is checked against. */
const EVENT_TYPES = [...new Set(Object.keys(EVENT_SCOPES).map((e) => e.split('.')[0]!))];

/**
 * What registerListeners registers, recorded by an App that only listens. An event listener may
 * take several types by a pattern: each Slack event type it matches counts; one that takes
 * `message` is also kept, to find which message.* events it answers.
 */
function registrations(deps: BotDeps): Registrations {
  const r: Registrations = { commands: [], events: [], messages: [], shortcuts: [], actions: [], views: [] };
  const last = (args: unknown[]) => args[args.length - 1] as Listener;
  const app = {
    command: (name: unknown) => r.commands.push(name),
    event: (name: string | RegExp, ...rest: unknown[]) => {
      const types = typeof name === 'string' ? [name] : EVENT_TYPES.filter((t) => name.test(t));
      r.events.push(...types.filter((t) => t !== 'message'));
      if (types.includes('message')) r.messages.push(last(rest));
    },
    message: (...args: unknown[]) => r.messages.push(last(args)),
    shortcut: (constraints: { type: string; callback_id: string }) => r.shortcuts.push(constraints),
    action: (constraints: unknown) => r.actions.push(constraints),
    view: (constraints: unknown) => r.views.push(constraints),
  };
  registerListeners(app as unknown as App, deps);
  return r;
}

/** Web API methods called anywhere in src/ (`client.chat.postMessage(`, however the client is named). */
function methodsCalled(): Set<string> {
  const methods = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) for (const m of readFileSync(file, 'utf8').matchAll(/\bclient\.([a-z]+)\.([a-zA-Z]+)\(/g)) methods.add(`${m[1]}.${m[2]}`);
    }
  };
  walk(path.resolve('src'));
  return methods;
}

let manifest: Manifest;
let used: Registrations;
let deps: BotDeps;
/** The message.* events the message listener answers, found by offering it a message of each kind. */
let messageEvents: string[];

beforeAll(async () => {
  manifest = yaml.load(readFileSync(path.resolve('manifest.yml'), 'utf8')) as Manifest;
  deps = await listenerDeps();
  used = registrations(deps);
  messageEvents = [];
  const kinds = { im: 'D0000001', channel: 'C0000001', group: 'G0000001', mpim: 'G0000002' } as const;
  const names = { im: 'message.im', channel: 'message.channels', group: 'message.groups', mpim: 'message.mpim' } as const;
  for (const [kind, channel] of Object.entries(kinds) as [keyof typeof kinds, string][]) {
    for (const listener of used.messages) {
      const { client, calls } = fakeClient();
      const message = { type: 'message', channel, channel_type: kind, user: 'U0000042', text: 'on call rota', ts: '1700000000.000100' };
      await listener({ message, event: message, body: { event_id: `Ev-${kind}` }, client, context: {}, say: async () => ({}) });
      if (calls.length && !messageEvents.includes(names[kind])) messageEvents.push(names[kind]);
    }
  }
});

describe('manifest.yml against the code', () => {
  it('subscribes to every event the code listens for, and to no other', () => {
    const needed = new Set([...used.events, ...messageEvents]);
    // The DM listener answers DMs only: channel messages need no history scopes.
    expect(messageEvents).toEqual(used.messages.length ? ['message.im'] : []);
    expect([...needed].sort()).toEqual([...manifest.settings.event_subscriptions.bot_events].sort());
  });

  it('asks for exactly the scopes of those events and of the Web API methods the code calls', () => {
    const methods = methodsCalled();
    const unknownMethods = [...methods].filter((m) => !(m in METHOD_SCOPES));
    // A method not in METHOD_SCOPES: look its scope up in Slack's reference and add it there.
    expect(unknownMethods).toEqual([]);
    const events = manifest.settings.event_subscriptions.bot_events;
    const unknownEvents = events.filter((e) => !(e in EVENT_SCOPES));
    expect(unknownEvents).toEqual([]);
    const needed = new Set<string>([...[...methods].flatMap((m) => METHOD_SCOPES[m] ?? []), ...events.flatMap((e) => EVENT_SCOPES[e] ?? [])]);
    if (used.commands.length) needed.add('commands');
    expect([...needed].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    // The surfaces of issue 21 among them.
    expect(['chat.postEphemeral', 'chat.unfurl', 'views.publish', 'views.open', 'views.update'].filter((m) => !methods.has(m))).toEqual([]);
  });

  it('declares each shortcut the code handles, with its type, and no other', () => {
    const declared = (manifest.features.shortcuts ?? []).map((s) => `${s.type}:${s.callback_id}`).sort();
    const handled = used.shortcuts.map((s) => `${SHORTCUT_TYPES[s.type] ?? s.type}:${s.callback_id}`).sort();
    expect(declared).toEqual(handled);
    expect(handled).toContain('message:find_in_manual');
    for (const s of manifest.features.shortcuts ?? []) {
      // Slack's limits on a shortcut's name and description.
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.description.length).toBeLessThanOrEqual(80);
    }
  });

  it('turns on interactivity for buttons, shortcuts and modals, the Home tab for app_home_opened, and a command for the command listener', () => {
    if (used.actions.length || used.shortcuts.length || used.views.length) expect(manifest.settings.interactivity?.is_enabled).toBe(true);
    expect(manifest.features.app_home?.home_tab_enabled ?? false).toBe(used.events.includes('app_home_opened'));
    // Direct messages need the Messages tab, writable.
    if (messageEvents.includes('message.im')) expect(manifest.features.app_home?.messages_tab_enabled).toBe(true);
    expect((manifest.features.slash_commands ?? []).length > 0).toBe(used.commands.length > 0);
  });

  it('unfurls the domain the manual is published on (MANUAL_BASE_URL by default), and only that', () => {
    expect(used.events).toContain('link_shared');
    expect(manifest.features.unfurl_domains).toEqual([new URL(DEFAULT_BASE_URL).hostname]);
  });
});
