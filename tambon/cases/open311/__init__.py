"""Open311 GeoReport v2 over the case engine (docs/api.md): the services an organization
offers, the requests filed with it, and filing one, in JSON and XML, on each organization's
own host under /open311/v2/. Part of the cases app: it files through tambon.cases.services
like the public forms do."""
