import { buildCommitteeSummary } from '../../common/domain/committee/buildCommitteeSummary';
import type { Db } from '../store/openDatabase';
import { loadCommitteeRecords } from './loadCommitteeRecords';
import { writeCommitteeCsv, writeCommitteeHtml, writeCommitteeJson } from './writeCommitteeReport';
import { writeCommitteePdf } from './writeCommitteePdf';

export const COMMITTEE_FORMATS = ['json', 'csv', 'html', 'pdf'] as const;

/** The per-centre committee report in one of COMMITTEE_FORMATS, from the review database. */
export async function renderCommitteeReport(db: Db, format: string, options: { protocolId?: string } = {}): Promise<string | Buffer> {
  const summary = buildCommitteeSummary(loadCommitteeRecords(db, options));
  switch (format) {
    case 'json': return writeCommitteeJson(summary);
    case 'csv': return writeCommitteeCsv(summary);
    case 'html': return writeCommitteeHtml(summary);
    case 'pdf': return writeCommitteePdf(summary);
    default: throw new Error(`unknown committee report format "${format}"`);
  }
}
