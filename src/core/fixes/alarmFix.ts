import type { Finding } from '../model/finding';
import type { FixDocument } from './fixDocument';
import { ph, singleEditFix, type Fix } from './fixTypes';
import { map, ref, seq, str, sub } from './fixValue';
import { insertEntry } from './insertNode';

/** A logical id not used in the template yet: `<Fn>ErrorsAlarm`, then `<Fn>ErrorsAlarm2` … */
function freeId(doc: FixDocument, base: string): string {
  let id = base;
  for (let i = 2; doc.resource(id); i++) id = `${base}${i}`;
  return id;
}

/**
 * LG015: adds an AWS::CloudWatch::Alarm on the function's Errors (any error in five minutes), with the
 * SNS topic to notify selected for the user to name. The template is only edited, never deployed.
 */
export function addAlarmFix(doc: FixDocument, f: Finding): Fix | undefined {
  const fn = typeof f.fix?.function === 'string' ? f.fix.function : undefined;
  // A Serverless function is referenced by its generated logical id (`HelloLambdaFunction`), in `resources.Resources`.
  const target = typeof f.fix?.ref === 'string' ? f.fix.ref : fn;
  const resources = doc.resources();
  if (!fn || !target || !resources || (target === fn && !doc.resource(fn))) return undefined;
  const id = freeId(doc, `${fn.replace(/[^A-Za-z0-9]/g, '')}ErrorsAlarm`);
  const alarm = map(
    ['Type', str('AWS::CloudWatch::Alarm')],
    [
      'Properties',
      map(
        ['AlarmDescription', str(`${fn} is reachable from outside: tell someone when it fails`)],
        ['Namespace', str('AWS/Lambda')],
        ['MetricName', str('Errors')],
        ['Dimensions', seq(map(['Name', str('FunctionName')], ['Value', ref(target)]))],
        ['Statistic', str('Sum')],
        ['Period', str('300')],
        ['EvaluationPeriods', str('1')],
        ['Threshold', str('1')],
        ['ComparisonOperator', str('GreaterThanOrEqualToThreshold')],
        ['TreatMissingData', str('notBreaching')],
        ['AlarmActions', seq(sub(ph('arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:alerts')))],
      ),
    ],
  );
  const e = insertEntry(doc, resources, id, alarm);
  return e && singleEditFix(`Add a CloudWatch alarm on the Errors of ${fn}`, 'addAlarm', e.start, e.end, e.text, true);
}
