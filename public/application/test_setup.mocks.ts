/* Imported first by the app's component tests. */
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Kibana's test ids live in `data-test-subj`, not testing-library's default `data-testid`.
configure({ testIdAttribute: 'data-test-subj' });
