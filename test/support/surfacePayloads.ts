import { freshTs } from './signedRequest.js';

/**
 * Payloads of the Slack surfaces of issue 21 (Home, its modal, the message shortcut, link unfurls),
 * shaped as Slack sends them (https://docs.slack.dev/reference/interaction-payloads), for the
 * Slack tests over HTTP and Socket Mode and the listener tests.
 */

export const USER = { id: 'U0000042', username: 'alex', name: 'alex', team_id: 'T0000001' };
const TEAM = { id: 'T0000001', domain: 'govuk' };

/** `app_home_opened`: the Home tab (or the Messages tab) opened; `view` is the one Slack shows them, if any. */
export function appHomeOpenedEvent(opts: { tab?: 'home' | 'messages'; view?: Record<string, unknown>; user?: string } = {}): Record<string, unknown> {
  const ts = freshTs();
  return { type: 'app_home_opened', user: opts.user ?? USER.id, channel: 'D0000042', tab: opts.tab ?? 'home', event_ts: ts, ...(opts.view ? { view: opts.view } : {}) };
}

/** `link_shared`: links to unfurl domains in a posted message (or, with `composer`, one still being written). */
export function linkSharedEvent(urls: string[], opts: { channel?: string; user?: string; composer?: boolean; threadTs?: string } = {}): Record<string, unknown> {
  const ts = freshTs();
  const links = urls.map((url) => ({ domain: safeHost(url), url }));
  if (opts.composer) {
    return { type: 'link_shared', channel: 'COMPOSER', is_bot_user_member: false, user: opts.user ?? USER.id, message_ts: `${ts}-composer`, unfurl_id: `C123456.${ts}.composer`, source: 'composer', links, event_ts: ts };
  }
  return {
    type: 'link_shared', channel: opts.channel ?? 'C0TECHLEAD', is_bot_user_member: true, user: opts.user ?? USER.id, message_ts: ts,
    unfurl_id: `C0TECHLEAD.${ts}.unfurl`, source: 'conversations_history', links, event_ts: ts, ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** A view as Slack reports it in a payload: the bot's view plus the ids and hash Slack gives it. */
export function viewState(view: Record<string, unknown>, values: Record<string, Record<string, unknown>> = {}): Record<string, unknown> {
  return { id: 'V0000SEARCH', team_id: TEAM.id, app_id: 'A0000001', bot_id: 'BBOT0001', hash: '1700000000.abcdef', root_view_id: 'V0000SEARCH', previous_view_id: null, state: { values }, ...view };
}

/** `block_actions` for a button in a view (the Home tab or a modal): no channel, no response URL. */
export function viewActionPayload(view: Record<string, unknown>, action: { action_id: string; value: string; block_id?: string }): Record<string, unknown> {
  return {
    type: 'block_actions', user: USER, api_app_id: 'A0000001', token: 'deprecated', trigger_id: '12345.98765.abcd',
    container: { type: 'view', view_id: String(view.id ?? 'V0000SEARCH') }, team: TEAM, enterprise: null, is_enterprise_install: false,
    view, actions: [{ type: 'button', block_id: action.block_id ?? 'b', action_id: action.action_id, value: action.value, text: { type: 'plain_text', text: 'a button' }, action_ts: freshTs() }],
  };
}

/** `view_submission` of the search modal with `question` typed in its box. */
export function searchSubmission(question: string, modal: Record<string, unknown>): Record<string, unknown> {
  const view = viewState(modal, { question: { question_text: { type: 'plain_text_input', value: question } } });
  return { type: 'view_submission', team: TEAM, user: USER, api_app_id: 'A0000001', token: 'deprecated', trigger_id: '12345.98765.abcd', view, response_urls: [], is_enterprise_install: false, enterprise: null };
}

export interface ShortcutOn {
  text: string;
  channel?: string;
  /** Set when the message is in a thread (its parent's ts; the parent's own ts for a parent with replies). */
  threadTs?: string;
  responseUrl: string;
  ts?: string;
}

/** `message_action`: "Find in the manual" used on a message. */
export function messageShortcutPayload(on: ShortcutOn): Record<string, unknown> {
  const ts = on.ts ?? freshTs();
  return {
    type: 'message_action', token: 'deprecated', action_ts: freshTs(), team: TEAM, user: { id: USER.id, name: USER.name, team_id: USER.team_id },
    channel: { id: on.channel ?? 'C0TECHLEAD', name: 'govuk-tech-leads' }, is_enterprise_install: false, enterprise: null, callback_id: 'find_in_manual',
    trigger_id: '12345.98765.abcd', response_url: on.responseUrl, message_ts: ts,
    message: { type: 'message', user: 'U0000099', ts, text: on.text, ...(on.threadTs ? { thread_ts: on.threadTs } : {}) },
  };
}

/** `block_actions` for a button in an ephemeral message (the shortcut's private answer): Slack sends no `message`. */
export function ephemeralActionPayload(click: { action_id: string; value: string; channel?: string; responseUrl: string }): Record<string, unknown> {
  const channel = click.channel ?? 'C0TECHLEAD';
  return {
    type: 'block_actions', user: USER, api_app_id: 'A0000001', token: 'deprecated', trigger_id: '12345.98765.abcd',
    container: { type: 'message', message_ts: freshTs(), channel_id: channel, is_ephemeral: true }, team: TEAM, enterprise: null, is_enterprise_install: false,
    channel: { id: channel, name: 'govuk-tech-leads' }, state: { values: {} }, response_url: click.responseUrl,
    actions: [{ type: 'button', block_id: 'b', action_id: click.action_id, value: click.value, text: { type: 'plain_text', text: 'a button' }, action_ts: freshTs() }],
  };
}
