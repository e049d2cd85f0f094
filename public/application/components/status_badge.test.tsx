import '../test_setup.mocks';
import { render, screen } from '@testing-library/react';
import type { ExecutionStatus } from '../../../common/api';
import { ExecutionStatusBadge } from './status_badge';

describe('ExecutionStatusBadge', () => {
  it.each<[ExecutionStatus, string]>([
    ['pending', 'Pending'],
    ['running', 'Running'],
    ['waiting', 'Waiting'],
    ['waiting_for_input', 'Waiting for input'],
    ['completed', 'Completed'],
    ['failed', 'Failed'],
    ['cancelled', 'Cancelled'],
    ['timed_out', 'Timed out'],
    ['skipped', 'Skipped'],
  ])('shows %s as "%s"', (status, label) => {
    render(<ExecutionStatusBadge status={status} />);
    const badge = screen.getByTestId('executionStatusBadge');
    expect(badge).toHaveTextContent(label);
    expect(badge).toHaveAttribute('data-status', status);
  });

  it('colors a failure differently from a success', () => {
    render(
      <>
        <ExecutionStatusBadge status="completed" />
        <ExecutionStatusBadge status="failed" />
      </>,
    );
    const [completed, failed] = screen.getAllByTestId('executionStatusBadge');
    expect(completed.className).not.toEqual(failed.className);
  });
});
