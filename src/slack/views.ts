import type { Block } from './blocks.js';

/** Limits of views (https://docs.slack.dev/reference/views): a modal's title and buttons are short. */
export const VIEW_LIMITS = {
  /** A modal's title, and its submit and close buttons. */
  modalTitle: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  placeholder: 150,
};

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

/** A one-line text box in a modal. */
export interface InputBlock {
  type: 'input';
  block_id: string;
  label: PlainText;
  hint?: PlainText;
  element: {
    type: 'plain_text_input';
    action_id: string;
    placeholder?: PlainText;
    initial_value?: string;
    max_length?: number;
    focus_on_load?: boolean;
  };
}

export type ViewBlock = Block | InputBlock;

/** The bot's page in the sidebar, the same for everyone (published per user: Slack has no shared Home). */
export interface HomeView {
  type: 'home';
  blocks: ViewBlock[];
  /** A digest of the blocks: Slack hands it back in app_home_opened, so an unchanged Home is not published again. */
  private_metadata: string;
}

export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  submit?: PlainText;
  close?: PlainText;
  blocks: ViewBlock[];
  private_metadata?: string;
}
