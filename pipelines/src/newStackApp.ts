import { App } from 'aws-cdk-lib';

/**
 * The CDK app every stage of the Stack is built in, whatever builds it (synth, a preview): no
 * AWS::CDK::Metadata resource (nothing in the templates phones home); unacknowledged cdk-nag
 * errors make `app.synth()` throw with the readable report as the message, however the app is
 * run (directly, under jest, or by the CDK CLI); and CDK's built-in check of every template
 * against the CloudFormation resource schemas (a property that does not exist, a value out of
 * its enum) fails synth instead of the deployment later, for about ten seconds per synth.
 */
export function newStackApp(outdir: string, context: Readonly<Record<string, unknown>> = {}): App {
  return new App({
    outdir,
    analyticsReporting: false,
    context: {
      '@aws-cdk/core:appMode': 'inmemory',
      '@aws-cdk/core:validateAgainstDefaultRules': true,
      ...context,
    },
  });
}
