import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { helpMessage, isHelpRequest } from '../../../slack/messages.js';
import { unescapeSlack } from '../../../slack/incomingText.js';
import { ask } from '../../ask.js';
import type { BotDeps } from '../../context.js';

/**
 * `/techlead QUESTION`: the answer goes back in the acknowledgement itself, visible to the
 * channel. That costs no extra call to Slack and meets the 3-second deadline by construction.
 * Help and "no section on that" are shown only to the person who asked.
 */
export function techleadCommand(deps: BotDeps) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = unescapeSlack(command.text);
    if (isHelpRequest(text)) {
      await ack({ response_type: 'ephemeral', ...helpMessage(deps.store.current(), command.command) });
      return;
    }
    const reply = ask(deps, 'command', text);
    await ack({ response_type: reply.answered ? 'in_channel' : 'ephemeral', ...reply.message });
  };
}
