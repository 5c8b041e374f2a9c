import type { Core, NodeSingular } from 'cytoscape';
import type { RelationType } from '../src/model';
import type { Api } from './api';
import type { GraphController, Selection, Status } from './controller';
import { createEditApi, type EditApi } from './edit-api';
import type { ChangeEntry, LiveChange } from './edit-types';
import { connectLive } from './live-updates';
import type { NodeData } from './mapping';
import { currentToken } from './session';
import { typeLabel } from './style';
import type { ApiEntity, ApiRelationRule } from './types';
import { activityView } from './views/activity-view';
import { confirmDeleteEntity, confirmDeleteRelationship } from './views/delete-dialog-view';
import { byId, h } from './views/dom';
import { editToolsView } from './views/edit-tools-view';
import { editorPane } from './views/editor-pane';
import { entityEditor } from './views/entity-editor-view';
import { addEvidenceView } from './views/evidence-editor-view';
import { historyView } from './views/history-view';
import { confirmUnmerge, openMergeDialog } from './views/merge-view';
import { relationshipEditor } from './views/relationship-editor-view';
import { canEdit, isAdmin, startSession, TOKEN_GONE, type SessionView } from './views/sign-in-view';
import { openAdminPage } from './views/admin-view';
import { openSourcesPage, type SourcesPage } from './views/sources-view';

/** How long live changes are gathered before the drawing is refreshed once for all of them. */
const REFRESH_DEBOUNCE_MS = 120;

export interface WorkbenchDeps {
  readonly api: Api;
  readonly editApi: EditApi;
  readonly session: SessionView;
  readonly controller: GraphController;
  readonly cy: Core;
  readonly rules: readonly ApiRelationRule[];
  readonly status: { show(status: Status | null): void };
  /** Runs work with the page's busy flag and error reporting. */
  readonly run: (work: () => Promise<unknown>) => void;
  /** The editing pane opened or closed: the details column may need to open or close. */
  readonly layout: () => void;
  /** The graph was drawn again after edits (here or by others): what depends on the data's extent may follow. */
  readonly onRedrawn: () => void;
}

/** Signs in (asking for a token first when the server needs one to read): call before the first request that reads. */
export async function startSessionIn(api: Api, announce: (text: string) => void): Promise<{ editApi: EditApi; session: SessionView }> {
  const editApi = createEditApi(api);
  return { editApi, session: await startSession(byId('session-slot'), editApi, announce) };
}

/** A change of the log as the live stream tells it (for the activity list filled from the log at start). */
function liveChangeOf(change: ChangeEntry, nameOf: (id: string) => string): LiveChange {
  const record = (change.after ?? change.before ?? {}) as Record<string, unknown>;
  const kind = change.kind.toLowerCase() as LiveChange['kind'];
  const base = { seq: change.seq, at: change.at, actor: change.actor, operation: change.operation, op: change.op.toLowerCase() as LiveChange['op'], kind, id: change.id, version: change.version };
  if (kind !== 'relationship') return { ...base, label: String((kind === 'entity' ? record.name : record.title) ?? change.id) };
  const end = (id: unknown) => ({ id: String(id), name: nameOf(String(id)) });
  const relationship = { type: record.type as RelationType, source: end(record.source), target: end(record.target) };
  return { ...base, label: `${relationship.source.name} ${String(record.type)} ${relationship.target.name}`, relationship };
}

/**
 * The analyst's workbench, wired to the graph view: the session (sign in/out, role), the editing tools of the
 * selection, the editing pane (entity, relationship and evidence forms, history), merges, deletes, the admin page, and
 * live updates from the server, which redraw the graph in place and warn open forms.
 */
export function startWorkbench(deps: WorkbenchDeps): void {
  const { editApi, session, controller, cy } = deps;
  const announce = (text: string, tone: Status['tone'] = 'info') => deps.status.show({ text, tone });
  const pane = editorPane(byId('editor'), deps.layout);
  const access = () => ({ editable: session.state.editable, canEdit: session.state.editable && canEdit(session.state.viewer) });
  const nameOf = (id: string) => {
    const node = cy.getElementById(id);
    return node.nonempty() ? String(node.data('label')) : id;
  };

  const redraw = async () => {
    await controller.refresh();
    deps.onRedrawn();
  };
  /** Entities others added since the last redraw: said when the redraw does not draw them. */
  let added: LiveChange[] = [];
  const sayUndrawn = () => {
    const undrawn = added.filter((change) => cy.getElementById(change.id).empty() && change.actor !== session.state.viewer?.name);
    added = [];
    activity.refresh();
    if (undrawn.length === 0) return;
    const why = controller.mode === 'explore' ? 'this graph is too large to draw whole' : controller.mode === 'ego' ? 'it is outside the neighbourhood in focus' : 'it is outside the date shown';
    const what = undrawn.length === 1 ? `${undrawn[0].actor} added ${undrawn[0].label}` : `${undrawn.length} entities were added`;
    announce(`${what}, not drawn (${why}): "Show" under Recent changes draws ${undrawn.length === 1 ? 'it' : 'them'}.`);
  };
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(
      () =>
        deps.run(async () => {
          await redraw();
          sayUndrawn();
        }),
      REFRESH_DEBOUNCE_MS,
    );
  };
  /** After an edit made here: redraw now, then show what was edited. */
  const afterEdit = (message: string, show: string | null) =>
    deps.run(async () => {
      pane.close();
      await redraw();
      if (show) await controller.reveal(show);
      announce(message);
    });

  /** Selects a relationship: drawn already, or else (a newer refresh overtook it, or it is out of view) with its source's neighbourhood. */
  const showRelationship = async (id: string, source: string) => {
    if (!controller.select(id) && (await controller.reveal(source))) controller.select(id);
  };

  let picking: ((entity: ApiEntity | null) => void) | null = null;
  const pickOnGraph = (end: 'source' | 'target') =>
    new Promise<ApiEntity | null>((resolve) => {
      picking?.(null);
      announce(`Click the ${end} entity on the graph (Escape cancels).`, 'busy');
      const finish = (entity: ApiEntity | null) => {
        cy.off('tap', 'node', onTap);
        document.removeEventListener('keydown', onKey, true);
        picking = null;
        deps.status.show(entity ? { text: `${end === 'source' ? 'Source' : 'Target'}: ${entity.name}.`, tone: 'info' } : null);
        resolve(entity);
      };
      const onTap = (event: { target: NodeSingular }) => finish((event.target.data() as NodeData).entity);
      const onKey = (event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          finish(null);
        }
      };
      picking = finish;
      cy.one('tap', 'node', onTap);
      document.addEventListener('keydown', onKey, true);
    });

  const editEntity = (id: string | null, preset: Parameters<typeof entityEditor>[2] = {}) =>
    deps.run(async () => {
      const entity = id ? await editApi.entity(id) : null;
      if (id && !entity) return announce('That entity is no longer in the graph.');
      pane.open(
        entityEditor({ api: editApi, onSaved: (saved, created) => afterEdit(`${created ? 'Created' : 'Saved'} ${saved.name}${created ? '' : ` (version ${saved.version})`}.`, saved.id), onCancel: () => pane.close() }, entity, preset),
      );
    });

  const editRelationship = (id: string | null, preset: Parameters<typeof relationshipEditor>[2] = {}) =>
    deps.run(async () => {
      const [relationship, sources] = await Promise.all([id ? editApi.relationship(id) : Promise.resolve(null), editApi.sources()]);
      if (id && !relationship) return announce('That relationship is no longer in the graph.');
      pane.open(
        relationshipEditor(
          {
            api: editApi,
            rules: deps.rules,
            sources,
            pickOnGraph,
            onSaved: (saved, created) =>
              deps.run(async () => {
                pane.close();
                await redraw();
                await showRelationship(saved.id, saved.source.id);
                announce(`${created ? 'Created' : 'Saved'} ${saved.source.name} ${typeLabel(saved.type)} ${saved.target.name}.`);
              }),
            onCancel: () => pane.close(),
          },
          relationship,
          preset,
        ),
      );
    });

  /** After a revert: redraw, show the entity; the history stays open (it reloads itself on the live change). */
  const afterRevert = (message: string, show: string | null) =>
    deps.run(async () => {
      await redraw();
      if (show) await controller.reveal(show);
      announce(message);
    });
  const showHistory = (id: string, title: string, kind?: 'SOURCE') =>
    pane.open(historyView({ api: editApi, canEdit: () => access().canEdit, onReverted: (reverted, kind, message) => void afterRevert(message, kind === 'ENTITY' ? reverted : null) }, id, title, kind));

  const titleOf = (selection: Selection) =>
    selection.kind === 'node' ? selection.entity.name : `${selection.source?.name ?? selection.relationship.source.id} ${typeLabel(selection.relationship.type)} ${selection.target?.name ?? selection.relationship.target.id}`;

  const tools = editToolsView(byId('edit-tools'), editApi, {
    onEdit: (selection) => (selection.kind === 'node' ? editEntity(selection.entity.id) : editRelationship(selection.relationship.id)),
    onDelete: (selection) =>
      deps.run(() =>
        selection.kind === 'node'
          ? confirmDeleteEntity(editApi, selection.entity.id, (message) => afterEdit(message, null))
          : confirmDeleteRelationship(editApi, selection.relationship.id, (message) => afterEdit(message, null)),
      ),
    onHistory: (selection) => showHistory(selection.kind === 'node' ? selection.entity.id : selection.relationship.id, titleOf(selection)),
    onMerge: (selection) => openMergeDialog(editApi, selection.entity, (message, keep) => afterEdit(message, keep)),
    onNewRelationship: (selection) => editRelationship(null, { source: selection.entity }),
    onAddEvidence: (selection) =>
      deps.run(async () => {
        const [relationship, sources] = await Promise.all([editApi.relationship(selection.relationship.id), editApi.sources()]);
        if (!relationship) return announce('That relationship is no longer in the graph.');
        pane.open(addEvidenceView(editApi, sources, relationship, titleOf(selection), (message) => afterEdit(message, null), () => pane.close()));
      }),
    onUnmerge: (merge, keepName) => confirmUnmerge(editApi, merge, keepName, (message, restored) => afterEdit(message, restored)),
  });
  const showTools = () => tools.show(controller.selection(), access());
  controller.events.on('select', () => showTools());

  // The header: who is signed in, and what their role allows.
  const newEntity = h('button', { type: 'button', id: 'new-entity-button' }, 'New entity');
  newEntity.addEventListener('click', () => editEntity(null));
  const adminButton = h('button', { type: 'button', id: 'tokens-button' }, 'Tokens');
  adminButton.addEventListener('click', () => openAdminPage(editApi, session.state.viewer?.name ?? '', (text) => announce(text), () => session.expire('You revoked your own token: you are signed out.')));
  let sourcesPage: SourcesPage | null = null;
  const sourcesButton = h('button', { type: 'button', id: 'sources-button', title: 'Every source: edit, history, delete' }, 'Sources');
  sourcesButton.addEventListener('click', () => {
    sourcesPage = openSourcesPage({
      api: editApi,
      announce: (text) => announce(text),
      onGraphChanged: refresh,
      onShowRelationship: (relationship) => void showRelationship(relationship.id, relationship.source.id),
      onClose: () => (sourcesPage = null),
    });
  });
  const updateActions = () => session.setActions([...(access().canEdit ? [newEntity, sourcesButton] : []), ...(isAdmin(session.state.viewer) ? [adminButton] : [])]);

  // Live: others' edits redraw the graph in place, show in the activity list, and warn the forms they touch.
  const activitySection = byId('activity-section');
  activitySection.hidden = !session.state.editable;
  const activity = activityView(byId('activity'), byId('activity-state'), {
    onShow: (change) => void deps.run(async () => (change.kind === 'relationship' ? controller.select(change.id) || announce('That relationship is not drawn now.') : controller.reveal(change.id))),
    onHistory: (change) => showHistory(change.id, change.label, change.kind === 'source' ? 'SOURCE' : undefined),
    isDrawn: (id) => cy.getElementById(id).nonempty(),
  });
  const live = session.state.editable
    ? connectLive({
        token: currentToken,
        onChanges: (changes) => {
          activity.add(changes);
          added.push(...changes.filter((change) => change.kind === 'entity' && change.op === 'create'));
          for (const change of changes) {
            pane.current?.remoteChange?.(change);
            sourcesPage?.remoteChange(change);
          }
          refresh();
        },
        onReset: refresh,
        onReady: (lastSeq) =>
          void editApi.recentChanges(Math.max(0, lastSeq - 20), 20).then(
            (changes) => activity.add(changes.map((change) => liveChangeOf(change, nameOf))),
            () => undefined,
          ),
        onState: (state, detail) => {
          activity.setState(state, detail);
          if (state === 'unauthorized') session.expire(TOKEN_GONE);
        },
      })
    : null;

  session.onChange(() => {
    updateActions();
    showTools();
    if (!access().canEdit && pane.current && !pane.current.readOnly) pane.close();
    if (!access().canEdit) sourcesPage?.close();
    live?.restart();
  });
  updateActions();
  showTools();
}
