// statusPage
export const handler = async (event) => {
  console.log('statusPage', JSON.stringify(event).length);
  return { statusCode: 200, body: 'ok' };
};
