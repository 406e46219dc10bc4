// Child process of reports.test.ts (and bench/hostile): writes a JSON report of N synthetic findings with the
// CLI's streaming writer, under whatever heap limit the parent chose. Usage: writeManyFindings.ts N OUT [format]
import type { Finding } from '../../../src/core/model/finding';
import { writeReport } from '../../../src/cli/output';
import { jsonReportChunks } from '../../../src/core/report/jsonReport';
import { sarifChunks } from '../../../src/core/report/sarifReport';
import { textChunks } from '../../../src/core/report/textReport';
import type { ScanResult } from '../../../src/core/report/scanResult';

const n = Number(process.argv[2]);
const out = process.argv[3];
const format = process.argv[4] ?? 'json';
const findings: Finding[] = [];
for (let i = 0; i < n; i++) {
  findings.push({
    ruleId: 'LG012',
    severity: 'warning',
    message: `finding ${i}`,
    location: { file: 'infra/huge.yaml', startLine: i + 1, startColumn: 3, endLine: i + 1, endColumn: 9 },
    resource: 'R',
    suppressed: false,
  });
}
const result: ScanResult = { findings, errors: [], notices: [], rules: [], filesScanned: 1, toolVersion: 'test' };
const chunks = format === 'sarif' ? sarifChunks(result) : format === 'text' ? textChunks(result) : jsonReportChunks(result);
const io = { cwd: process.cwd(), stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) };
writeReport(chunks, out, io).then(
  () => process.stdout.write(`${JSON.stringify({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  },
);
