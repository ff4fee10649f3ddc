import { fileURLToPath } from 'node:url';

/** The repository root (pipelines/src → two levels up). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where the EnvironmentSpecs live: one `<name>.yaml` per environment. */
export const defaultSpecsDir = fileURLToPath(new URL('../environments', import.meta.url));

/** Where environment templates live: `<name>/v<major>/schema/schema.yaml` + their CDK code. */
export const defaultTemplatesRoot = fileURLToPath(
  new URL('../../environment-templates', import.meta.url),
);

/** The cloud assembly `npm run synth` writes and `cdk deploy --app` and `stack cost` read. */
export const defaultCdkOut = fileURLToPath(new URL('../cdk.out', import.meta.url));

/** Where services live: a `<name>/service.yaml` ServiceSpec per service instance. */
export const defaultServicesRoot = fileURLToPath(new URL('../../services', import.meta.url));

/** Where service templates live: `<name>/v<major>/schema/schema.yaml` + their CDK code. */
export const defaultServiceTemplatesRoot = fileURLToPath(
  new URL('../../service-templates', import.meta.url),
);
