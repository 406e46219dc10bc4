// startGlueJobs
export const handler = async (event) => {
  console.log('startGlueJobs', JSON.stringify(event).length);
  return { statusCode: 200, body: 'ok' };
};
