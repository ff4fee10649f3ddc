import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStageModel } from '../../src/cloudformation/LocalStageModel.js';
import {
  entryOf,
  localFunctions,
  resolveEnvironment,
} from '../../src/cloudformation/localFunctions.js';
import { readCloudAssembly } from '../../src/cloudformation/readCloudAssembly.js';

const PLACE = { region: 'eu-west-1', accountId: '000000000000' };

/**
 * A cloud assembly shaped as the pipeline synthesizes a stage: a nested assembly with an
 * environment stack (table, queue with DLQ, bus, SSM parameters) and a service stack reading
 * the environment's names through SSM-typed parameters, with a bundled asset.
 */
function writeAssembly(): { dir: string; servicesRoot: string } {
  const dir = mkdtempSync(join(tmpdir(), 'stack-assembly-'));
  const stage = join(dir, 'assembly-local');
  mkdirSync(join(stage, 'asset.abc123'), { recursive: true });
  writeFileSync(
    join(stage, 'asset.abc123', 'index.mjs'),
    'export const handler = async () => 1;\n',
  );
  const servicesRoot = join(dir, 'services');
  mkdirSync(join(servicesRoot, 'orders', 'src'), { recursive: true });
  writeFileSync(
    join(servicesRoot, 'orders', 'src', 'handler.ts'),
    'export const handler = () => 1;\n',
  );
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      artifacts: {
        'assembly-local': {
          type: 'cdk:cloud-assembly',
          properties: { directoryName: 'assembly-local' },
        },
      },
    }),
  );
  const stack = (id: string, stackName: string) => ({
    type: 'aws:cloudformation:stack',
    properties: { templateFile: `${id}.template.json`, stackName },
  });
  writeFileSync(
    join(stage, 'manifest.json'),
    JSON.stringify({
      artifacts: {
        Env: stack('Env', 'local-Environment'),
        'Svc.assets': { type: 'cdk:asset-manifest', properties: { file: 'Svc.assets.json' } },
        Svc: stack('Svc', 'local-Service-orders'),
      },
    }),
  );
  writeFileSync(
    join(stage, 'Env.template.json'),
    JSON.stringify({
      Resources: {
        Table710B521B: { Type: 'AWS::DynamoDB::Table', Properties: {} },
        DeadLetterQueue9F481546: { Type: 'AWS::SQS::Queue', Properties: {} },
        Queue4A7E3555: {
          Type: 'AWS::SQS::Queue',
          Properties: {
            RedrivePolicy: {
              deadLetterTargetArn: { 'Fn::GetAtt': ['DeadLetterQueue9F481546', 'Arn'] },
              maxReceiveCount: 3,
            },
          },
        },
        EventBus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'stack-local' } },
        TableNameParam: {
          Type: 'AWS::SSM::Parameter',
          Properties: { Name: '/stack/local/table/name', Value: { Ref: 'Table710B521B' } },
        },
        BusArnParam: {
          Type: 'AWS::SSM::Parameter',
          Properties: {
            Name: '/stack/local/event-bus/arn',
            Value: { 'Fn::GetAtt': ['EventBus', 'Arn'] },
          },
        },
        Publisher: {
          Type: 'AWS::Lambda::Function',
          Properties: { Environment: { Variables: { EVENT_BUS_NAME: { Ref: 'EventBus' } } } },
          Metadata: {
            'aws:cdk:path': 'local/Environment/TableStreamPipe/PublisherFunction/Function/Resource',
          },
        },
        Mystery: {
          Type: 'AWS::Lambda::Function',
          Properties: {},
          Metadata: { 'aws:cdk:path': 'local/Environment/Something/Else/Resource' },
        },
      },
    }),
  );
  writeFileSync(
    join(stage, 'Svc.template.json'),
    JSON.stringify({
      Parameters: {
        TableNameSsm: {
          Type: 'AWS::SSM::Parameter::Value<String>',
          Default: '/stack/local/table/name',
        },
      },
      Resources: {
        WorkerFunction: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            FunctionName: 'stack-local-orders',
            Code: { S3Bucket: 'b', S3Key: 'abc123.zip' },
            Tags: [{ Key: 'stack:service', Value: 'orders' }],
            Environment: {
              Variables: {
                TABLE_NAME: { Ref: 'TableNameSsm' },
                BUS_ARN: '{{resolve:ssm:/stack/local/event-bus/arn}}',
                QUEUE: { 'Fn::Sub': '${AWS::StackName}-q' },
              },
            },
          },
        },
      },
    }),
  );
  writeFileSync(
    join(stage, 'Svc.assets.json'),
    JSON.stringify({ files: { abc123: { source: { path: 'asset.abc123', packaging: 'zip' } } } }),
  );
  return { dir, servicesRoot };
}

describe('LocalStageModel', () => {
  const { dir, servicesRoot } = writeAssembly();
  const model = new LocalStageModel(readCloudAssembly(dir), PLACE);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every stack of the nested assembly and names resources as the local cloud does', () => {
    expect(model.stacks.map((stack) => stack.stackName)).toEqual([
      'local-Environment',
      'local-Service-orders',
    ]);
    expect(model.resourcesOfType('AWS::DynamoDB::Table').map((each) => each.name)).toEqual([
      'local-Environment-Table',
    ]);
    expect(model.resourcesOfType('AWS::Events::EventBus').map((each) => each.name)).toEqual([
      'stack-local',
    ]);
  });

  it('answers Ref and Fn::GetAtt from what provisioning recorded, else from the names', () => {
    const [dlq, queue] = model.resourcesOfType('AWS::SQS::Queue');
    model.record(dlq!, {
      ref: 'http://q/dlq',
      attributes: { Arn: 'arn:aws:sqs:eu-west-1:000000000000:dlq' },
    });
    expect(
      model.resolve(queue!, queue!.resource.Properties!['RedrivePolicy']!, '.RedrivePolicy'),
    ).toEqual({
      deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:000000000000:dlq',
      maxReceiveCount: 3,
    });
    expect(model.contextOf(dlq!.stack).ref('DeadLetterQueue9F481546')).toBe('http://q/dlq');
    expect(model.contextOf(dlq!.stack).getAtt('EventBus', 'Arn')).toBe(
      'arn:aws:events:eu-west-1:000000000000:event-bus/stack-local',
    );
  });

  it("resolves a service function's variables through the environment's SSM parameters", () => {
    const worker = localFunctions(model, servicesRoot).find(
      (fn) => fn.name === 'stack-local-orders',
    );
    expect(resolveEnvironment(model, worker!)).toEqual({
      TABLE_NAME: 'local-Environment-Table',
      BUS_ARN: 'arn:aws:events:eu-west-1:000000000000:event-bus/stack-local',
      QUEUE: 'local-Service-orders-q',
    });
  });

  it('maps functions to their source handler and bundle, and refuses an unknown one clearly', () => {
    const functions = localFunctions(model, servicesRoot);
    const byName = (name: string) => functions.find((fn) => fn.name === name)!;
    expect(entryOf(byName('stack-local-orders'), 'source')).toBe(
      join(servicesRoot, 'orders', 'src', 'handler.ts'),
    );
    expect(entryOf(byName('stack-local-orders'), 'bundled')).toBe(
      join(dir, 'assembly-local', 'asset.abc123', 'index.mjs'),
    );
    expect(entryOf(byName('local-Environment-Publisher'), 'source')).toMatch(
      /environment-templates\/stack-env\/v1\/functions\/table-change-publisher\/handler\.ts$/,
    );
    expect(() => entryOf(byName('local-Environment-Mystery'), 'source')).toThrow(
      /local-Environment-Mystery \(local-Environment\.Mystery\) cannot run locally: no local entry for construct local\/Environment\/Something\/Else\/Resource; add one to ENVIRONMENT_ENTRIES/,
    );
    expect(() => entryOf(byName('local-Environment-Publisher'), 'bundled')).toThrow(
      /has no bundle/,
    );
  });

  it('says which function and variable cannot be resolved', () => {
    const broken = new LocalStageModel(
      readCloudAssembly(dir).map((stack) =>
        stack.stackName === 'local-Environment'
          ? {
              ...stack,
              resources: { ...stack.resources, TableNameParam: { Type: 'AWS::SQS::Queue' } },
            }
          : stack,
      ),
      PLACE,
    );
    const worker = localFunctions(broken, servicesRoot).find(
      (fn) => fn.name === 'stack-local-orders',
    )!;
    expect(() => resolveEnvironment(broken, worker)).toThrow(
      /function stack-local-orders: environment variable TABLE_NAME cannot be resolved locally: .*no AWS::SSM::Parameter named \/stack\/local\/table\/name/,
    );
  });
});
