import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';
import { EXAMPLE_TABS } from './examples';

/** GraphiQL served from our own origin: the fetcher posts JSON to /graphql (the server's CSRF prevention wants it). */
async function fetcher(params: unknown) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
}

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(<GraphiQL fetcher={fetcher} defaultTabs={EXAMPLE_TABS.map((tab) => ({ query: tab.query }))} defaultEditorToolsVisibility={false} />);
}
