// redeploy
export const handler = async (event) => {
  console.log('redeploy', JSON.stringify(event).length);
  return { statusCode: 200, body: 'ok' };
};
