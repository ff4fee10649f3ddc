import {
  routerSettings,
  TEMPLATE_ID as ROUTER_TEMPLATE,
  type RouterServiceInputs,
} from '@stack/graphql-router-v1';
import type { RouterSettings } from '@stack/stack-env-v1';
import type { PlannedService } from './addServiceStacks.js';
import type { EnvironmentSpec } from './specs/EnvironmentSpec.js';
import { templateId } from './specs/availableTemplates.js';

/** An environment's planned services split into its router instance and the rest. */
export interface RouterSplit {
  /** The router's settings from its instance; absent when no service uses graphql-router. */
  readonly router?: RouterSettings;
  /** Every other service instance. */
  readonly services: PlannedService[];
}

/**
 * Takes the router instance (template graphql-router, `services/router/service.yaml`) out of an
 * environment's planned services: the environment template builds the router as part of its API
 * edge, tuned by the instance's inputs, so it gets no stack of its own. Throws, naming the
 * files, when more than one service claims to be the router or the inputs contradict each other.
 */
export function splitRouter(
  environment: EnvironmentSpec,
  planned: readonly PlannedService[],
): RouterSplit {
  const isRouter = (each: PlannedService) => templateId(each.service.template) === ROUTER_TEMPLATE;
  const routers = planned.filter(isRouter);
  const services = planned.filter((each) => !isRouter(each));
  if (routers.length > 1) {
    throw new Error(
      `only one service may use ${ROUTER_TEMPLATE}, the environment's router; found ${routers.map((each) => each.service.file).join(' and ')}`,
    );
  }
  const [instance] = routers;
  if (!instance) return { services };
  try {
    // The schema validated the inputs and filled in every default.
    const router = routerSettings(instance.inputs as unknown as RouterServiceInputs);
    return { router, services };
  } catch (error) {
    throw new Error(
      `${instance.service.file} (environment ${environment.name}): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
