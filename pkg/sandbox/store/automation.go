package store

func (st *State) AddBot(b *AgentBot, now int64) {
	b.ID = st.Next("agent_bots")
	b.CreatedAt, b.UpdatedAt = now, now
	b.AccessToken, b.Secret = st.NewToken(24), st.NewToken(24)
	if b.BotType == "" {
		b.BotType = "webhook"
	}
	st.AgentBots = append(st.AgentBots, b)
	st.idx.tokens[b.AccessToken] = TokenOwner{TokenBot, b.ID}
}

func (st *State) DeleteBot(b *AgentBot) {
	st.AgentBots = RemoveID(st.AgentBots, b.ID)
	delete(st.idx.tokens, b.AccessToken)
	for _, in := range st.Inboxes {
		if in.AgentBotID == b.ID {
			in.AgentBotID = 0
		}
	}
}

func (st *State) AddAutomationRule(r *AutomationRule, now int64) {
	r.ID = st.Next("automation_rules")
	r.CreatedAt, r.UpdatedAt = now, now
	st.AutomationRules = append(st.AutomationRules, r)
}

func (st *State) AddCampaign(cp *Campaign, now int64) {
	cp.ID = st.Next("campaigns")
	var last int64
	for _, other := range st.Campaigns {
		if other.AccountID == cp.AccountID {
			last = max(last, other.DisplayID)
		}
	}
	cp.DisplayID = last + 1
	cp.CreatedAt, cp.UpdatedAt = now, now
	st.Campaigns = append(st.Campaigns, cp)
}
