import { useEffect, useState, type MouseEvent } from 'react';
import type { HttpStart, ScopedHistory } from '@kbn/core/public';
import { CaseDetail } from './case_detail';
import { CasesList } from './cases_list';

const isPlainLeftClick = (event: MouseEvent) => event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/** `/` lists the cases, `/<id>` shows one; paths are relative to the app's route. */
export const CasesApp = ({ http, history }: { http: HttpStart; history: ScopedHistory }) => {
  const [pathname, setPathname] = useState(history.location.pathname);
  useEffect(() => history.listen((location) => setPathname(location.pathname)), [history]);

  const link = (path: string) => ({
    href: history.createHref({ pathname: path }),
    onClick: (event: MouseEvent) => {
      if (!isPlainLeftClick(event)) return;
      event.preventDefault();
      history.push(path);
    },
  });

  const caseId = pathname.split('/').filter(Boolean)[0];
  return caseId ? (
    <CaseDetail http={http} caseId={decodeURIComponent(caseId)} backLink={link('/')} />
  ) : (
    <CasesList http={http} caseLink={(id) => link(`/${encodeURIComponent(id)}`)} />
  );
};
