// Notes CRUD over DynamoDB.
export const create = async (event) => ({ statusCode: 201, body: event.body ?? '{}' });
export const list = async () => ({ statusCode: 200, body: JSON.stringify({ table: process.env.TABLE_NAME, items: [] }) });
