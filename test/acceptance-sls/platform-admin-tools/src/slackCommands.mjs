// slackCommands
export const handler = async (event) => {
  console.log('slackCommands', JSON.stringify(event).length);
  return { statusCode: 200, body: 'ok' };
};
