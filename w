{
    "format": "orgscope-views",
    "version": 1,
    "views": [
        {
            "audit": {
                "columns": [
                    "time",
                    "actor",
                    "action_type",
                    "resource_type",
                    "resource_id",
                    "ip"
                ],
                "filters": [
                    {
                        "exclude": false,
                        "key": "action_type",
                        "values": [
                            "delete"
                        ]
                    },
                    {
                        "exclude": true,
                        "key": "actor_context",
                        "values": [
                            "api_key"
                        ]
                    }
                ],
                "local": {
                    "search": "member"
                },
                "range": {
                    "preset": "last_90_days"
                },
                "sort": {
                    "column": "actor",
                    "order": "ascending"
                }
            },
            "id": "x1",
            "kind": "audit",
            "name": "Who removed members",
            "scope": {
                "all_organizations": true
            }
        },
        {
            "id": "x2",
            "kind": "usage",
            "name": "Spend by account",
            "scope": {
                "all_organizations": true
            },
            "usage": {
                "chart": "lines",
                "corrections": true,
                "filters": [
                ],
                "granularity": "week",
                "group_by": [
                    "account",
                    "product_family"
                ],
                "measure": "estimated_cost",
                "range": {
                    "preset": "last_90_days"
                },
                "top_n": 5
            }
        }
    ]
}
