import { availableParallelism, userInfo } from 'node:os';
import { ApiCallError, type ApiEventMessage, type ApiHandlers } from '../../common/api';
import type { RtPlanBundle } from '../../common/domain/rt/rtTypes';
import { getPlanPredictions } from '../inference/getPlanPredictions';
import { openDatabase, type Db } from '../store/openDatabase';
import { createCommitteeService } from './committeeService';
import type { CoreServices } from './coreServices';
import { DemoTrialService } from './demoTrialService';
import { ImportService } from './importService';
import { loadPlanImagingBundle } from './loadPlanImagingBundle';
import { PlanImaging } from './planImaging';
import { PlanImagingCache } from './planImagingCache';
import { PlanReviewService } from './planReviewService';
import { ReviewService } from './reviewService';
import { riskMapBytes } from './riskMapVolume';
import { WorklistService } from './worklistService';

export interface CoreServicesOptions {
  /** the review database file (created and migrated when absent) */
  databasePath: string;
  host: 'electron' | 'browser';
  appVersion: string;
  /** who the audit log names for imports (reviews name their reviewer) */
  actor?: string;
  /** worker threads for imports (default: one per spare core, at most 4); 0 = on the calling thread */
  importWorkers?: number;
  /** the bundled batch worker, when it does not sit next to the running bundle (Electron main) */
  batchWorkerScript?: URL;
  /** reads one stored plan's files back (default: the DICOM reader); replaceable for other stores */
  loadPlanBundle?: (db: Db, planId: number) => Promise<RtPlanBundle>;
  /** the system folder dialog (Electron main); absent in the browser host, where paths are typed */
  chooseFolder?: (title: string | undefined) => Promise<string | null>;
}

/**
 * The core behind every host: one database connection, the services over it, the contract's handlers, voxel
 * bytes and events. Hosts only add transport and sender checks.
 */
export function createCoreServices(options: CoreServicesOptions): CoreServices {
  const db = openDatabase(options.databasePath);
  const listeners = new Set<(message: ApiEventMessage) => void>();
  const emit = (message: ApiEventMessage) => { for (const listener of listeners) listener(message); };

  const loadBundle = options.loadPlanBundle ?? loadPlanImagingBundle;
  const imaging = new PlanImagingCache(async (planId) => new PlanImaging(String(planId), await loadBundle(db, planId)));
  const actor = options.actor ?? userInfo().username;
  const imports = new ImportService(db, emit, {
    actor,
    workers: options.importWorkers ?? Math.max(1, Math.min(4, availableParallelism() - 1)),
    workerScript: options.batchWorkerScript,
  });
  const reviews = new ReviewService(db);
  const committee = createCommitteeService(db);
  const demo = new DemoTrialService(db, imports, emit);
  const worklist = new WorklistService(db, (name) => demo.isDemoTrial(name));
  const planReview = new PlanReviewService(db, (planId) => imaging.get(planId), reviews);

  const handlers: ApiHandlers = {
    getAppInfo: async () => ({
      appVersion: options.appVersion, host: options.host, databasePath: options.databasePath, defaultReviewer: actor,
    }),
    listTrials: async () => worklist.listTrials(),
    getWorklist: async (query) => worklist.getWorklist(query),
    importFolder: (input) => imports.importFolder(input),
    chooseFolder: async (input) => {
      if (!options.chooseFolder) throw new ApiCallError('UNAVAILABLE', 'the browser cannot open a folder dialog: type the folder\'s path');
      return { path: await options.chooseFolder(input.title) };
    },
    ensureDemoTrial: (input) => demo.ensureDemoTrial(input.jobId),
    getPlanReview: (input) => planReview.getPlanReview(input.planId),
    getStructureContours: (input) => planReview.getStructureContours(input.planId, input.structureIds),
    saveReview: async (input) => {
      const saved = reviews.saveReview(input);
      emit({ name: 'worklistChanged', payload: { trialId: null } });
      return saved;
    },
    getAuditLog: async (input) => reviews.getAuditLog(input.planId),
    getPredictions: async (input) => getPlanPredictions(db, input.planId), // inference issue (H7)
    getCommitteeSummary: async (input) => committee.getCommitteeSummary(input),
    getPopulationDvh: async (input) => committee.getPopulationDvh(input),
  };

  return {
    handlers,
    async readVolume(planIdText, kind) {
      if (!/^[1-9]\d{0,15}$/.test(planIdText)) return null;
      // the risk map lives in the database (rtqa predict --store), not in the plan's DICOM files
      if (kind === 'risk') return riskMapBytes(db, Number(planIdText));
      return (await imaging.get(Number(planIdText))).imaging?.bytes(kind) ?? null;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      db.close();
    },
  };
}
