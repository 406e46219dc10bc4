// nightlyExport: thin handler; business logic lives in the domain package.
export const handler = async (event) => {
  console.log(JSON.stringify({ handler: 'nightlyExport', table: process.env.TABLE_NAME }));
  return { statusCode: 200, body: JSON.stringify({ ok: true, records: event?.Records?.length ?? 0 }) };
};
