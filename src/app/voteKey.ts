import { createHmac } from 'node:crypto';

/**
 * Keyed hashes that tell one person's clicks on one message apart without keeping who they are:
 * HMAC-SHA256 under a key derived from the deployment's signing secret (which every replica has
 * and the store never sees), of the user id, the channel and the message's timestamp. The same
 * person clicking again on the same answer gives the same key, so their vote is counted once;
 * without the secret, a key cannot be traced back to the person, even by someone who can list
 * every user id in the workspace, and one person's keys on two answers cannot be linked.
 */
export type ClickKey = (purpose: string, user: string, channel: string, messageTs: string) => string;

export function createClickKey(signingSecret: string): ClickKey {
  // A key of its own, so the hashes say nothing about the signing secret itself.
  const key = createHmac('sha256', signingSecret).update('techlead-bot click keys v1').digest();
  return (purpose, user, channel, messageTs) => createHmac('sha256', key).update(`${purpose}\u0000${user}\u0000${channel}\u0000${messageTs}`).digest('base64url');
}
