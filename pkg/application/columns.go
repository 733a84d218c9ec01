package application

// Default table columns shared by several operations.

func contactColumns() []string {
	return []string{"id", "name", "email", "phone_number", "identifier", "last_activity_at"}
}

func conversationColumns() []string {
	return []string{"id", "status", "meta.sender.name", "meta.assignee.name", "inbox_id", "labels", "last_activity_at"}
}

func messageColumns() []string {
	return []string{"id", "created_at", "message_type", "private", "sender.name", "content"}
}

func agentColumns() []string {
	return []string{"id", "name", "email", "role", "availability_status", "confirmed"}
}

func attachmentColumns() []string {
	return []string{"id", "message_id", "file_type", "file_size", "data_url", "created_at"}
}

func contactInboxColumns() []string {
	return []string{"source_id", "inbox.id", "inbox.name", "inbox.channel_type"}
}
