import { Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Inputs of the alarm topic. */
export interface AlarmTopicProps {
  /** Subscribed by email when set (the address must confirm the subscription mail). */
  readonly alarmEmail?: string;
}

/** The SNS topic every alarm of the environment notifies. */
export class AlarmTopic extends Construct {
  /** The topic. */
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Stack alarms', enforceSSL: true });
    // enforceSSL gives the topic a resource policy; allow CloudWatch alarms of this account
    // explicitly rather than rely on the default policy it replaces.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarms cannot publish to a topic encrypted with the AWS managed SNS key, and a customer managed key costs $1/month; alarm notifications carry no personal data (https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger).',
    });
    if (props.alarmEmail) {
      const subscription = this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'A mail that cannot be delivered leaves the alarm in the ALARM state, visible in the console and the dashboard; a DLQ of undelivered alarm mails would need an alarm of its own.',
      });
    }
  }
}
