/** Name and major version of this template, as specs name it (`template: stack-env@1`). */
export const TEMPLATE_ID = 'stack-env@1';
