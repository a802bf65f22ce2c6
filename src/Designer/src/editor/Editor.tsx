import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { api, ApiError, type DefinitionView } from '../api';
import type { ActivityDescriptor, Definition, Position } from '../model/definition';
import { textIn } from '../model/definition';
import { diffDefinitions, type DefinitionDiff } from '../model/diff';
import { addActivity, connect, moveActivities, newActivityId, removeElements } from '../model/edit';
import * as History from '../model/history';
import { layoutPositions } from '../model/layout';
import { exportDefinition, prepareForEditing } from '../model/load';
import { noProblems, placeProblems, type PlacedProblems } from '../model/problems';
import { useWords, type Word } from '../i18n';
import { ServiceLanguagesContext, useLoadedServiceLanguages } from '../languages';
import { download, pendingImports } from '../files';
import { listPath, navigate, setLeaveGuard } from '../router';
import { Canvas } from './Canvas';
import { DiffView } from './DiffView';
import { edgeIndex, toEdges, toNodes } from './flow';
import { Legend } from './Legend';
import { Palette } from './Palette';
import { ProblemList } from './ProblemList';
import { PropertyPanel } from './PropertyPanel';
import { Toolbar } from './Toolbar';
import { useUndoKeys } from './useKeyboard';

/** Kept as words, not text, so that switching the language translates it too. */
type Status = { kind: 'info' | 'error'; word: Word; values?: Record<string, string | number> } | null;
type Summary = { publishedVersion: number | null; draftVersion: number | null; versions: number[] };
const emptySummary: Summary = { publishedVersion: null, draftVersion: null, versions: [] };

export function Editor({ id }: { id: string }) {
  // The languages the texts are edited in, loaded with the page as the descriptors are and shared with every text editor.
  const languages = useLoadedServiceLanguages();
  return (
    <ReactFlowProvider>
      <ServiceLanguagesContext.Provider value={languages}>
        <EditorPage id={id} />
      </ServiceLanguagesContext.Provider>
    </ReactFlowProvider>
  );
}

/** One definition: palette, flowchart, property panel, and the save/publish/compare/import/export commands. */
function EditorPage({ id }: { id: string }) {
  const { t, language } = useWords();
  const flow = useReactFlow();
  const [descriptors, setDescriptors] = useState<ActivityDescriptor[]>([]);
  const [doc, setDoc] = useState<History.History<Definition> | null>(null);
  const [saved, setSaved] = useState<Definition | null>(null);
  const [summary, setSummary] = useState<Summary>(emptySummary);
  const [isNew, setIsNew] = useState(false);
  const [problems, setProblems] = useState<PlacedProblems>(noProblems);
  const [status, setStatus] = useState<Status>(null);
  const [selectedNodes, setSelectedNodes] = useState<ReadonlySet<string>>(new Set());
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const [measured, setMeasured] = useState<ReadonlyMap<string, { width: number; height: number }>>(new Map());
  const [viewing, setViewing] = useState<DefinitionView | null>(null);
  const [diff, setDiff] = useState<{ diff: DefinitionDiff | null; version: number | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [fitRequest, setFitRequest] = useState(0);
  const dragSession = useRef(0);

  const descriptorMap = useMemo(() => new Map(descriptors.map((d) => [d.type, d])), [descriptors]);
  const present = doc?.present ?? null;
  const dirty = present !== null && present !== saved;

  const refreshSummary = useCallback(async () => {
    const found = (await api.list()).find((d) => d.id === id);
    setSummary(found ?? emptySummary);
  }, [id]);

  useEffect(() => {
    let cancelled = false;
    const pending = pendingImports.get(id);
    pendingImports.delete(id);
    (async () => {
      const [list, current, kinds] = await Promise.all([
        api.list(),
        api.current(id).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
        api.descriptors(),
      ]);
      if (!current && !pending) throw new Error(`${id}: 404`);
      const prepared = await prepareForEditing(pending?.definition ?? current!.definition);
      if (cancelled) return;
      setDescriptors(kinds);
      setSummary(list.find((d) => d.id === id) ?? emptySummary);
      setDoc(History.start(prepared));
      setSaved(pending ? null : prepared);
      setIsNew(!current);
      if (pending) setStatus({ kind: 'info', word: 'imported', values: { f: pending.fileName } });
    })().catch((e: Error) => !cancelled && setStatus({ kind: 'error', word: 'error', values: { m: e.message } }));
    return () => {
      cancelled = true;
    };
  }, [id]);

  useEffect(() => {
    setLeaveGuard(() => !dirty || window.confirm(t('confirmLeave')));
    const beforeUnload = (e: BeforeUnloadEvent) => dirty && e.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [dirty, t]);

  /** Records an edit; editing a field the server complained about takes its complaint away. */
  const change = useCallback((next: Definition, coalesce?: string) => {
    setDoc((h) => h && History.record(h, next, coalesce));
    const [activityId, field] = coalesce?.split(':') ?? [];
    if (field)
      setProblems((p) => {
        const list = p.activities.get(activityId);
        if (!list?.some((x) => x.field === field)) return p;
        const activities = new Map(p.activities);
        activities.set(activityId, list.filter((x) => x.field !== field));
        return { ...p, activities };
      });
  }, []);

  // Fits the view once the nodes moved by a layout or a version switch are in React Flow's store: the canvas's own
  // effects run before this one.
  useEffect(() => {
    if (fitRequest > 0) flow.fitView();
  }, [fitRequest, flow]);

  const undo = useCallback(() => setDoc((h) => h && History.undo(h)), []);
  const redo = useCallback(() => setDoc((h) => h && History.redo(h)), []);
  useUndoKeys(undo, redo);

  const shown = viewing?.definition ?? present;
  const shownProblems = viewing ? noProblems : problems;
  const nodes = useMemo(
    () => (shown ? toNodes(shown, descriptorMap, shownProblems, { selectedNodes, selectedEdges, measured }, language) : []),
    [shown, descriptorMap, shownProblems, selectedNodes, selectedEdges, measured, language],
  );
  const edges = useMemo(
    () => (shown ? toEdges(shown, shownProblems, { selectedNodes, selectedEdges, measured }) : []),
    [shown, shownProblems, selectedNodes, selectedEdges, measured],
  );

  const place = (type: string, at: Position) => {
    if (!present) return;
    const newId = newActivityId(present, type);
    const selected = present.activities.find((a) => selectedNodes.has(a.id));
    const taken = new Set(present.activities.map((a) => `${a.designer?.x},${a.designer?.y}`));
    let { x, y } = { x: Math.round(at.x), y: Math.round(at.y) };
    while (taken.has(`${x},${y}`)) [x, y] = [x + 30, y + 30];
    change(addActivity(present, { id: newId, type, ...(selected?.stage ? { stage: selected.stage } : {}), designer: { x, y } }));
    setSelectedNodes(new Set([newId]));
    setSelectedEdges(new Set());
  };

  const addAtCentre = (type: string) => {
    const rect = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
    place(type, { x: centre.x - 110, y: centre.y - 45 });
  };

  const save = async (): Promise<boolean> => {
    if (!present) return false;
    const sent = present;
    setBusy(true);
    try {
      const view = isNew ? await api.create(sent) : await api.saveDraft(sent);
      const next = sent.version === view.version ? sent : { ...sent, version: view.version };
      setDoc((h) => h && (h.present === sent ? History.replace(h, next) : h));
      setSaved(next);
      setIsNew(false);
      setProblems(noProblems);
      setStatus({ kind: 'info', word: 'saved', values: { v: view.version } });
      await refreshSummary();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.problems.length > 0) {
        const placed = placeProblems(e.problems, sent);
        setProblems(placed);
        setStatus({ kind: 'error', word: 'problemsCount', values: { n: e.problems.length } });
        const first = sent.activities.find((a) => placed.activities.has(a.id));
        if (first) setSelectedNodes(new Set([first.id]));
      } else setStatus({ kind: 'error', word: 'error', values: { m: (e as Error).message } });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (dirty && !(await save())) return;
    setBusy(true);
    try {
      const view = await api.publish(id);
      // The toolbar shows the new version before the status says so, never a moment after.
      await refreshSummary();
      setStatus({ kind: 'info', word: 'publishedVersion', values: { v: view.version } });
    } catch (e) {
      setStatus({ kind: 'error', word: 'error', values: { m: (e as Error).message } });
    } finally {
      setBusy(false);
    }
  };

  const compare = async () => {
    if (!present) return;
    const version = summary.publishedVersion;
    if (version === null) return setDiff({ diff: null, version: null });
    try {
      const published = await api.version(id, version);
      setDiff({ diff: diffDefinitions(published.definition, present), version });
    } catch (e) {
      setStatus({ kind: 'error', word: 'error', values: { m: (e as Error).message } });
    }
  };

  const view = async (version: number | null) => {
    if (version === null) setViewing(null);
    else {
      const found = await api.version(id, version);
      setViewing({ ...found, definition: await prepareForEditing(found.definition) });
    }
    setSelectedNodes(new Set());
    setFitRequest((n) => n + 1);
  };

  const layout = async () => {
    if (!present) return;
    change(moveActivities(present, await layoutPositions(present, measured)));
    setFitRequest((n) => n + 1);
  };

  const importHere = async (definition: Definition, fileName: string) => {
    change(await prepareForEditing(definition));
    setProblems(noProblems);
    setStatus({ kind: 'info', word: 'imported', values: { f: fileName } });
  };

  if (!present || !shown)
    return (
      <main className="editor-page">
        {status ? <p className={`status ${status.kind}`} role="alert">{t(status.word, status.values)}</p> : <p>{t('loading')}</p>}
      </main>
    );

  const panelId = selectedNodes.size === 1 ? [...selectedNodes][0] : null;
  const edgeProblems = [...problems.connections.entries()].flatMap(([c, list]) => list.map((p) => ({ ...p, message: `${c.from} —${c.outcome}→ ${c.to}: ${p.message}` })));

  return (
    <main className="editor-page">
      <header className="editor-head">
        <a href={listPath()} onClick={(e) => { e.preventDefault(); navigate(listPath()); }}>
          {t('back')}
        </a>
        <h1>
          {textIn(shown.name, language) || id} <code className="definition-id">{id}</code>
          {isNew && <em> ({t('newDefinition')})</em>}
        </h1>
      </header>
      <Toolbar
        summary={summary}
        viewing={viewing}
        definitionId={id}
        dirty={dirty}
        busy={busy}
        canUndo={doc!.past.length > 0}
        canRedo={doc!.future.length > 0}
        isNew={isNew}
        actions={{
          undo, redo, layout, save: () => void save(), publish: () => void publish(), compare: () => void compare(),
          exportFile: () => download(`${shown.id}.json`, exportDefinition(shown)),
          view: (v) => void view(v), importHere: (d, f) => void importHere(d, f),
          error: (m) => setStatus({ kind: 'error', word: 'error', values: { m } }),
        }}
      />
      {viewing && <p className="status info">{t('viewingVersion', { v: viewing.version })} <button type="button" onClick={() => void view(null)}>{t('editDraft')}</button></p>}
      {status && <p className={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="status">{t(status.word, status.values)}</p>}
      <ProblemList problems={[...problems.general, ...edgeProblems]} />
      <div className="workspace">
        <Palette descriptors={descriptors} disabled={viewing !== null} onAdd={addAtCentre} />
        <div className="canvas-column">
          <Canvas
            nodes={nodes}
            edges={edges}
            readOnly={viewing !== null}
            onMove={(positions, dragging) => {
              change(moveActivities(present, positions), `move:${dragSession.current}`);
              if (!dragging) dragSession.current++;
            }}
            onMeasure={(sizes) => setMeasured((m) => new Map([...m, ...sizes]))}
            onSelect={(nodeChanges, edgeChanges) => {
              const apply = (set: ReadonlySet<string>, changes: Map<string, boolean>) => {
                const next = new Set(set);
                changes.forEach((on, key) => (on ? next.add(key) : next.delete(key)));
                return next;
              };
              if (nodeChanges.size > 0) setSelectedNodes((s) => apply(s, nodeChanges));
              if (edgeChanges.size > 0) setSelectedEdges((s) => apply(s, edgeChanges));
            }}
            onConnect={(from, outcome, to) => change(connect(present, { from, outcome, to }))}
            onDelete={(nodeIds, edgeIds) => {
              change(removeElements(present, nodeIds, edgeIds.map(edgeIndex)));
              setSelectedNodes(new Set());
              setSelectedEdges(new Set());
            }}
            onDropActivity={place}
          />
          <Legend definition={shown} />
        </div>
        <aside className="side">
          {panelId ? (
            <PropertyPanel
              definition={shown}
              activityId={panelId}
              descriptors={descriptorMap}
              problems={viewing ? [] : (problems.activities.get(panelId) ?? [])}
              onChange={change}
              onRenamed={(newId) => setSelectedNodes(new Set([newId]))}
              readOnly={viewing !== null}
            />
          ) : (
            <p className="hint">{t('selectSomething')}</p>
          )}
        </aside>
      </div>
      {diff && <DiffView diff={diff.diff} version={diff.version} onClose={() => setDiff(null)} />}
    </main>
  );
}
