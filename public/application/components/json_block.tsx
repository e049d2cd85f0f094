import { EuiCodeBlock, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import { i18n } from '@kbn/i18n';

const NONE = i18n.translate('workflows.execution.step.none', { defaultMessage: 'None' });

/** A titled value: strings (a console step's message) read better unquoted; everything else as JSON. */
export const JsonBlock = ({ title, value, testSubj }: { title: string; value: unknown; testSubj: string }) => (
  <div data-test-subj={testSubj}>
    <EuiTitle size="xxs">
      <h4>{title}</h4>
    </EuiTitle>
    <EuiSpacer size="xs" />
    {value === undefined || value === null ? (
      <EuiText size="s" color="subdued">
        {NONE}
      </EuiText>
    ) : (
      <EuiCodeBlock language={typeof value === 'string' ? 'text' : 'json'} fontSize="s" paddingSize="s" overflowHeight={320} isCopyable>
        {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
      </EuiCodeBlock>
    )}
  </div>
);
