package operation_test

import (
	"fmt"
	"testing"

	"github.com/wootcli/woot/pkg/api"
)

// How the Captain, companies and monitors lists page: the paged ones 25
// (monitors 20) at a time with {"payload":[…],"meta":{"total_count","page"}},
// the others whole, in one answer.
func captainPageCases() []pageCase {
	named := func(id int) string { return fmt.Sprintf(`{"id":%d,"name":"Row %d"}`, id, id) }
	paged := func(command, args, path string, size int) pageCase {
		return pageCase{command: command, args: appArgs(args), method: "GET", path: appV1 + path,
			pager: api.PageNumber, size: size, item: named, wrap: metaPayloadList}
	}
	whole := func(command, args, path string, wrap func(int, int, string) string) pageCase {
		return pageCase{command: command, args: appArgs(args), method: "GET", path: appV1 + path, item: named, wrap: wrap}
	}
	bulk := whole("captain bulk-actions create", "captain bulk-actions create --type AssistantResponse --ids 1 --field status=approve",
		"/captain/bulk_actions", bareList)
	bulk.method, bulk.body = "POST", `{"type":"AssistantResponse","ids":[1],"fields":{"status":"approve"}}`
	search := paged("companies search", "companies search --q globex", "/companies/search", 25)
	search.query = appQuery("q", "globex")
	contactSearch := paged("companies contacts search", "companies contacts search 2 --q ava", "/companies/2/contacts/search", 25)
	contactSearch.query = appQuery("q", "ava")
	return []pageCase{
		paged("captain responses list", "captain responses list", "/captain/assistant_responses", 25),
		paged("captain faq-suggestions list", "captain faq-suggestions list", "/captain/faq_suggestions", 25),
		paged("captain documents list", "captain documents list", "/captain/documents", 25),
		paged("captain custom-tools list", "captain custom-tools list", "/captain/custom_tools", 25),
		paged("companies list", "companies list", "/companies", 25),
		search,
		paged("companies contacts list", "companies contacts list 2", "/companies/2/contacts", 25),
		contactSearch,
		paged("companies conversations list", "companies conversations list 2", "/companies/2/conversations", 25),
		paged("monitors list", "monitors list", "/monitors", 20),
		whole("captain assistants list", "captain assistants list", "/captain/assistants", metaPayloadList),
		whole("captain assistants tools list", "captain assistants tools list", "/captain/assistants/tools", bareList),
		whole("captain assistants inboxes list", "captain assistants inboxes list 1", "/captain/assistants/1/inboxes", metaPayloadList),
		whole("captain scenarios list", "captain scenarios list 1", "/captain/assistants/1/scenarios", metaPayloadList),
		whole("companies notes list", "companies notes list 2", "/companies/2/notes", payloadList),
		bulk,
	}
}

func metaPayloadList(page, total int, items string) string {
	return fmt.Sprintf(`{"payload":[%s],"meta":{"total_count":%d,"page":%d}}`, items, total, page)
}

func TestCaptainCompanyMonitorListsPage(t *testing.T) {
	ops := appOperations()
	for _, pc := range captainPageCases() {
		t.Run(pc.command, func(t *testing.T) { runPageCase(t, ops, pc) })
	}
}
