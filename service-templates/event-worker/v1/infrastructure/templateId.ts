/** Name and major version of this template, as specs name it (`template: event-worker@1`). */
export const TEMPLATE_ID = 'event-worker@1';
