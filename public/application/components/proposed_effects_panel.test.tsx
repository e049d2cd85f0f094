import '../test_setup.mocks';
import { fireEvent, screen, within } from '@testing-library/react';
import { ExecutionPage } from '../pages/execution_page';
import { dryRun, execution, step } from '../pages/execution_page.mocks';
import { renderWithServices } from '../services.mocks';

const renderRun = (answer: unknown) =>
  renderWithServices(<ExecutionPage executionId="ex-1" />, { 'GET /api/workflows-executions/ex-1': answer });

describe('Proposed effects of a dry run', () => {
  it('says nothing was sent and lists every effect in step order with its kind and step', async () => {
    renderRun(dryRun);

    expect(await screen.findByTestId('dryRunBanner')).toHaveTextContent('Dry run: nothing was sent');
    expect(screen.getByTestId('dryRunBadge')).toHaveTextContent('Dry run');
    expect(screen.getByTestId('proposedEffectsCount')).toHaveTextContent('4');
    const effects = screen.getAllByTestId('proposedEffect');
    expect(effects.map((effect) => within(effect).getByTestId('proposedEffectSummary').textContent)).toEqual([
      'POST https://hooks.example.com/soc',
      'POST https://hooks.example.com/soc',
      'Create case "Isolated 2 hosts"',
      'Something new',
    ]);
    expect(effects.map((effect) => effect.getAttribute('data-effect-kind'))).toEqual(['http', 'http', 'case', 'vendor-thing']);
    expect(effects.map((effect) => within(effect).getByTestId('proposedEffectStep').textContent)).toEqual([
      'hosts[0]>notify',
      'hosts[1]>notify',
      'open_case',
      'open_case',
    ]);
    expect(effects[0]).toHaveTextContent('HTTP request');
    expect(effects[2]).toHaveTextContent('Case');
    // A kind this app does not know shows under its own name rather than disappearing.
    expect(effects[3]).toHaveTextContent('vendor-thing');
  });

  it('shows the rendered request of an effect when it is opened', async () => {
    renderRun(dryRun);
    const second = (await screen.findAllByTestId('proposedEffect'))[1];

    const toggle = within(second).getAllByRole('button')[0];
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    const request = within(second).getByTestId('proposedEffectRequest');
    expect(JSON.parse(request.textContent!)).toEqual({
      method: 'POST',
      url: 'https://hooks.example.com/soc',
      body: { text: 'isolate db-1' },
    });
  });

  it('badges the steps that proposed effects and brings a step into view from its effect', async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    renderRun(dryRun);
    await screen.findByTestId('dryRunBanner');

    const badges = screen.getAllByTestId('stepEffectsBadge').map((badge) => badge.textContent);
    expect(badges).toEqual(['1 proposed effect', '1 proposed effect', '2 proposed effects']);

    fireEvent.click(within(screen.getAllByTestId('proposedEffect')[1]).getByTestId('proposedEffectStep'));

    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(document.getElementById('step-execution-st-3'));
    const highlighted = screen.getAllByTestId('stepExecution').filter((panel) => panel.className.includes('primary'));
    expect(highlighted.map((panel) => panel.id)).toEqual(['step-execution-st-3']);
  });

  it('says so when a dry run proposed nothing', async () => {
    renderRun({ ...dryRun, steps: [step({})] });

    expect(await screen.findByTestId('noProposedEffects')).toHaveTextContent('No step would have changed anything outside Kibana.');
    expect(screen.getByTestId('proposedEffectsCount')).toHaveTextContent('0');
  });

  it('is absent from a real run', async () => {
    renderRun(execution({ status: 'completed', steps: [step({})] }));

    await screen.findByTestId('stepExecution');
    expect(screen.queryByTestId('dryRunBanner')).not.toBeInTheDocument();
    expect(screen.queryByTestId('dryRunBadge')).not.toBeInTheDocument();
  });
});
