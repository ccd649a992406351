/** 政民互动 on a document page: the published questions and answers on this policy, and a form to ask one. */
export function DocumentQuestions(props: { documentId: string }) {
  void props;
  return null;
}
