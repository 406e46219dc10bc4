// provisionSandbox
export const handler = async (event) => {
  console.log('provisionSandbox', JSON.stringify(event).length);
  return { statusCode: 200, body: 'ok' };
};
