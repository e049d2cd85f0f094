/*
 * The slice of Kibana's `@kbn/triggers-actions-ui-plugin/public` the workflows plugin uses: the
 * action type model a connector registers for the rule form, and the registries it registers into.
 * Shapes follow `kbn-alerts-ui-shared/src/common/types/action_types.ts` (KIBANA_CONTRACTS.md section 7);
 * standalone/public/triggers_actions_ui implements the registries.
 */
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { IconType } from '@elastic/eui';

/** Kibana's `SavedObjectAttribute`: what a rule action's params may hold. */
export type SavedObjectAttributeSingle = string | number | boolean | null | undefined | SavedObjectAttributes;
export type SavedObjectAttribute = SavedObjectAttributeSingle | SavedObjectAttributeSingle[];
export interface SavedObjectAttributes {
  [key: string]: SavedObjectAttribute;
}
export type RuleActionParam = SavedObjectAttribute;

export type RecursivePartial<T> = { [P in keyof T]?: T[P] extends object ? RecursivePartial<T[P]> : T[P] };

/** Keyed by dotted param path, e.g. `subActionParams.workflowId`; values are the messages shown under the field. */
export interface RuleFormParamsErrors {
  [key: string]: string | string[] | RuleFormParamsErrors;
}

export interface GenericValidationResult<T> {
  errors: Record<Extract<keyof T, string>, string[] | unknown>;
}

export interface ActionVariable {
  name: string;
  description: string;
  deprecated?: boolean;
  useWithTripleBracesInTemplates?: boolean;
  usesPublicBaseUrl?: boolean;
}

/** A connector as Kibana's UI holds it (the API's snake_case turned camelCase). */
export interface ActionConnector<Config = Record<string, unknown>, Secrets = Record<string, unknown>> {
  id: string;
  actionTypeId: string;
  name: string;
  config: Config;
  secrets?: Secrets;
  isPreconfigured: boolean;
  isDeprecated: boolean;
  isSystemAction: boolean;
  isMissingSecrets?: boolean;
  referencedByCount?: number;
}

export interface ActionConnectorFieldsProps {
  readOnly: boolean;
  isEdit: boolean;
  registerPreSubmitValidator: (validator: () => Promise<{ message: ReactNode } | void | undefined>) => void;
}

export interface ActionParamsProps<TParams> {
  actionParams: Partial<TParams>;
  index: number;
  editAction: (key: string, value: RuleActionParam, index: number) => void;
  errors: RuleFormParamsErrors;
  ruleTypeId?: string;
  messageVariables?: ActionVariable[];
  defaultMessage?: string;
  useDefaultMessage?: boolean;
  actionConnector?: ActionConnector;
  isLoading?: boolean;
  isDisabled?: boolean;
  selectedActionGroupId?: string;
  showEmailSubjectAndMessage?: boolean;
  executionMode?: 'test' | 'actionForm';
  onBlur?: (field?: string) => void;
  producerId?: string;
  featureId?: string;
}

export interface ActionTypeModel<ActionConfig = any, ActionSecrets = any, ActionParams = any> {
  id: string;
  iconClass: IconType;
  selectMessage: string;
  selectMessagePreconfigured?: string;
  actionTypeTitle?: string;
  validateParams: (
    actionParams: ActionParams,
    connectorConfig: ActionConfig | null,
  ) => Promise<GenericValidationResult<Partial<ActionParams> | unknown>>;
  actionConnectorFields: LazyExoticComponent<ComponentType<ActionConnectorFieldsProps>> | null;
  /** Lazy-loaded: the module must default-export the component. */
  actionParamsFields: LazyExoticComponent<ComponentType<ActionParamsProps<ActionParams>>>;
  actionReadOnlyExtraComponent?: LazyExoticComponent<ComponentType<{ actionParams: ActionParams }>>;
  defaultActionParams?: RecursivePartial<ActionParams>;
  defaultRecoveredActionParams?: RecursivePartial<ActionParams>;
  customConnectorSelectItem?: unknown;
  isExperimental?: boolean;
  subtype?: Array<{ id: string; name: string }>;
  convertParamsBetweenGroups?: (params: ActionParams) => ActionParams | {};
  hideInUi?: boolean;
  getHideInUi?: (actionTypes: Array<{ id: string }>) => boolean;
  /** Turns the connector form's data into the API's shape and back. */
  connectorForm?: {
    serializer?: (data: { config: ActionConfig; secrets: ActionSecrets }) => unknown;
    deserializer?: (data: unknown) => { config: ActionConfig; secrets: ActionSecrets };
  };
  modalWidth?: number;
  isSystemActionType?: boolean;
  subFeature?: string;
  source?: string;
}

/**
 * The rule type side of the rule form. Only its registry is part of this slice: the host's rules page
 * edits params as JSON and no plugin here registers a rule type model.
 */
export interface RuleTypeModel<Params = Record<string, unknown>> {
  id: string;
  description: string;
  iconClass: string;
  documentationUrl: string | ((docLinks: unknown) => string) | null;
  validate: (ruleParams: Params, isServerless?: boolean) => { errors: Record<string, unknown> };
  ruleParamsExpression: LazyExoticComponent<ComponentType<any>> | ComponentType<any>;
  requiresAppContext: boolean;
  defaultActionMessage?: string;
  defaultRecoveryMessage?: string;
  alertDetailsAppSection?: LazyExoticComponent<ComponentType<any>> | ComponentType<any>;
}

/** Kibana's `TypeRegistry` class, as its public methods. */
export interface TypeRegistry<T extends { id: string }> {
  /** Throws when a type with the same id is already registered. */
  register(objectType: T): void;
  has(id: string): boolean;
  /** Throws when no type has this id. */
  get(id: string): T;
  list(): T[];
}

export type ActionTypeRegistryContract = TypeRegistry<ActionTypeModel>;
export type RuleTypeRegistryContract = TypeRegistry<RuleTypeModel>;

export interface TriggersAndActionsUIPublicPluginSetup {
  actionTypeRegistry: ActionTypeRegistryContract;
  ruleTypeRegistry: RuleTypeRegistryContract;
}

export interface TriggersAndActionsUIPublicPluginStart {
  actionTypeRegistry: ActionTypeRegistryContract;
  ruleTypeRegistry: RuleTypeRegistryContract;
}
