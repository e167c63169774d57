/** The headings of the shipped page's twelve sections, in page order (the intro is headed by the title). */
export const SHIPPED_HEADINGS = [
  'Responsibilities of a Tech Lead',
  'Identifying and planning work',
  'Writing up work',
  'Onboarding new team members',
  'Managing leavers',
  'Being aware of the health of your team',
  'Removing technical blockers',
  'Championing good practice',
  'Attending tech lead stand up and writing the weeknote',
  'Attending relevant Incident Reviews',
  'Not knowing everything about GOV.UK',
  'Not needing to be on top of everything',
];
