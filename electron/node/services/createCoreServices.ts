import { userInfo } from 'node:os';
import { ApiCallError, type ApiEventMessage, type ApiHandlers } from '../../common/api';
import type { RtPlanBundle } from '../../common/domain/rt/rtTypes';
import { openDatabase } from '../store/openDatabase';
import { planSourcePaths } from '../store/repositories/planRepository';
import type { CoreServices } from './coreServices';
import { PlanImaging } from './planImaging';
import { PlanImagingCache } from './planImagingCache';
import { PlanReviewService } from './planReviewService';
import { ReviewService } from './reviewService';
import { WorklistService } from './worklistService';

export interface CoreServicesOptions {
  /** the review database file (created and migrated when absent) */
  databasePath: string;
  host: 'electron' | 'browser';
  appVersion: string;
  /** reads one plan's files back into an RT bundle (CT, dose, structures); null when they cannot be read */
  loadPlanBundle?: (sourcePaths: string[]) => Promise<RtPlanBundle | null>;
  isDemoTrial?: (trialName: string) => boolean;
}

/**
 * The core behind every host: one database connection, the services over it, the contract's handlers, voxel
 * bytes and events. Hosts only add transport and sender checks.
 */
export function createCoreServices(options: CoreServicesOptions): CoreServices {
  const db = openDatabase(options.databasePath);
  const listeners = new Set<(message: ApiEventMessage) => void>();
  const emit = (message: ApiEventMessage) => { for (const listener of listeners) listener(message); };

  const imaging = new PlanImagingCache(async (planId) => {
    if (!options.loadPlanBundle) return null;
    const paths = planSourcePaths(db, planId);
    if (paths.length === 0) return null;
    const bundle = await options.loadPlanBundle(paths);
    return bundle ? new PlanImaging(String(planId), bundle) : null;
  });
  const reviews = new ReviewService(db);
  const worklist = new WorklistService(db, options.isDemoTrial ?? (() => false));
  const planReview = new PlanReviewService(db, (planId) => imaging.get(planId), reviews);

  const notYet = (what: string) => async (): Promise<never> => {
    throw new ApiCallError('UNAVAILABLE', `${what} is not available in this build yet`);
  };

  const handlers: ApiHandlers = {
    getAppInfo: async () => ({
      appVersion: options.appVersion, host: options.host, databasePath: options.databasePath, defaultReviewer: userInfo().username,
    }),
    listTrials: async () => worklist.listTrials(),
    getWorklist: async (query) => worklist.getWorklist(query),
    importFolder: notYet('importing a folder'),
    ensureDemoTrial: notYet('the demo trial'),
    getPlanReview: (input) => planReview.getPlanReview(input.planId),
    getStructureContours: (input) => planReview.getStructureContours(input.planId, input.structureIds),
    saveReview: async (input) => {
      const saved = reviews.saveReview(input);
      emit({ name: 'worklistChanged', payload: { trialId: null } });
      return saved;
    },
    getAuditLog: async (input) => reviews.getAuditLog(input.planId),
    getPredictions: notYet('model predictions'),
    getCommitteeSummary: notYet('the committee summary'),
  };

  return {
    handlers,
    async readVolume(planIdText, kind) {
      if (!/^[1-9]\d{0,15}$/.test(planIdText)) return null;
      return (await imaging.get(Number(planIdText)))?.bytes(kind) ?? null;
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
