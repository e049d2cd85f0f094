import {
  EuiAccordion,
  EuiBadge,
  EuiCallOut,
  EuiCodeBlock,
  EuiFlexGroup,
  EuiFlexItem,
  EuiIcon,
  EuiLink,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { i18n } from '@kbn/i18n';
import type { ProposedEffectDto, StepExecutionDto } from '../../../common/api';

interface KindLook {
  label: string;
  iconType: string;
}

const KIND_LOOKS: Record<string, KindLook> = {
  http: { label: i18n.translate('workflows.effects.kind.http', { defaultMessage: 'HTTP request' }), iconType: 'globe' },
  connector: { label: i18n.translate('workflows.effects.kind.connector', { defaultMessage: 'Connector' }), iconType: 'plugs' },
  case: { label: i18n.translate('workflows.effects.kind.case', { defaultMessage: 'Case' }), iconType: 'casesApp' },
  alert: { label: i18n.translate('workflows.effects.kind.alert', { defaultMessage: 'Alert' }), iconType: 'bell' },
  elasticsearch: {
    label: i18n.translate('workflows.effects.kind.elasticsearch', { defaultMessage: 'Elasticsearch write' }),
    iconType: 'logoElasticsearch',
  },
  kibana: { label: i18n.translate('workflows.effects.kind.kibana', { defaultMessage: 'Kibana request' }), iconType: 'logoKibana' },
  workflow: { label: i18n.translate('workflows.effects.kind.workflow', { defaultMessage: 'Workflow run' }), iconType: 'workflowsApp' },
};
// A kind the app does not know yet (a newer server) still shows, under its own name.
const kindLook = (kind: string): KindLook => KIND_LOOKS[kind] ?? { label: kind, iconType: 'send' };

const strings = {
  banner: i18n.translate('workflows.effects.bannerTitle', { defaultMessage: 'Dry run: nothing was sent' }),
  bannerRunning: i18n.translate('workflows.effects.bannerRunningTitle', { defaultMessage: 'Dry run: nothing is being sent' }),
  bannerBody: i18n.translate('workflows.effects.bannerBody', {
    defaultMessage:
      'Steps that would change something outside Kibana record the request they would send instead of sending it, and give later steps a stand-in output. Reads still run.',
  }),
  title: i18n.translate('workflows.effects.title', { defaultMessage: 'Proposed effects' }),
  none: i18n.translate('workflows.effects.none', { defaultMessage: 'No step would have changed anything outside Kibana.' }),
  noneYet: i18n.translate('workflows.effects.noneYet', { defaultMessage: 'No step has proposed an effect yet.' }),
  request: i18n.translate('workflows.effects.request', { defaultMessage: 'Request as it would have been sent' }),
  fromStep: i18n.translate('workflows.effects.fromStep', { defaultMessage: 'from step' }),
  goToStep: i18n.translate('workflows.effects.goToStep', { defaultMessage: 'Show this step in the list of steps' }),
};

interface LocatedEffect {
  effect: ProposedEffectDto;
  step: StepExecutionDto;
}

/** Every proposed effect in step order (the order the steps ran), with the step that proposed it. */
export const proposedEffects = (steps: StepExecutionDto[]): LocatedEffect[] =>
  steps.flatMap((step) => (step.effects ?? []).map((effect) => ({ effect, step })));

const EffectRow = ({ item, number, onSelectStep }: { item: LocatedEffect; number: number; onSelectStep(id: string): void }) => {
  const { effect, step } = item;
  const look = kindLook(effect.kind);
  return (
    <EuiPanel hasBorder paddingSize="s" data-test-subj="proposedEffect" data-effect-kind={effect.kind}>
      <EuiAccordion
        id={`effect-${step.id}-${number}`}
        paddingSize="s"
        buttonContent={
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiText size="xs" color="subdued">{`#${number}`}</EuiText>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiIcon type={look.iconType} title={look.label} size="m" />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiBadge color="hollow">{look.label}</EuiBadge>
            </EuiFlexItem>
            <EuiFlexItem>
              <EuiText size="s">
                <code data-test-subj="proposedEffectSummary">{effect.summary}</code>
              </EuiText>
            </EuiFlexItem>
          </EuiFlexGroup>
        }
        extraAction={
          <EuiText size="xs" color="subdued">
            {strings.fromStep}{' '}
            <EuiLink onClick={() => onSelectStep(step.id)} title={strings.goToStep} data-test-subj="proposedEffectStep">
              {step.path}
            </EuiLink>
          </EuiText>
        }
      >
        <EuiText size="xs" color="subdued">
          {strings.request}
        </EuiText>
        <EuiSpacer size="xs" />
        <EuiCodeBlock language="json" fontSize="s" paddingSize="s" overflowHeight={400} isCopyable data-test-subj="proposedEffectRequest">
          {JSON.stringify(effect.request, null, 2)}
        </EuiCodeBlock>
      </EuiAccordion>
    </EuiPanel>
  );
};

interface ProposedEffectsPanelProps {
  steps: StepExecutionDto[];
  /** While the run goes on, the list is what has been proposed so far. */
  inProgress: boolean;
  onSelectStep(stepExecutionId: string): void;
}

/**
 * What a dry run would have done: a banner that says nothing was sent, then each proposed effect
 * with the rendered request it would have sent. This is the reason to run dry, so it comes first.
 */
export const ProposedEffectsPanel = ({ steps, inProgress, onSelectStep }: ProposedEffectsPanelProps) => {
  const effects = proposedEffects(steps);
  return (
    <>
      <EuiCallOut title={inProgress ? strings.bannerRunning : strings.banner} color="primary" iconType="eye" data-test-subj="dryRunBanner">
        <p>{strings.bannerBody}</p>
      </EuiCallOut>
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiTitle size="s">
            <h2>{strings.title}</h2>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiBadge color="primary" data-test-subj="proposedEffectsCount">
            {effects.length}
          </EuiBadge>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      {effects.length === 0 ? (
        <EuiText size="s" color="subdued" data-test-subj="noProposedEffects">
          {inProgress ? strings.noneYet : strings.none}
        </EuiText>
      ) : (
        <EuiFlexGroup direction="column" gutterSize="s" data-test-subj="proposedEffects">
          {effects.map((item, index) => (
            <EuiFlexItem key={`${item.step.id}-${index}`}>
              <EffectRow item={item} number={index + 1} onSelectStep={onSelectStep} />
            </EuiFlexItem>
          ))}
        </EuiFlexGroup>
      )}
    </>
  );
};
