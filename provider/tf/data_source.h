// File: provider/tf/data_source.h
//
// A data source as its author sees it: a schema, validation of a (possibly
// partly unknown) configuration, and a read of a wholly known one.

#ifndef COMPLIANCECHECK_PROVIDER_TF_DATA_SOURCE_H_
#define COMPLIANCECHECK_PROVIDER_TF_DATA_SOURCE_H_

#include <string_view>

#include "provider/cty/value.h"
#include "provider/tf/diagnostics.h"
#include "provider/tf/schema.h"

namespace tf {

struct ValidateDataSourceRequest {
  cty::Value config;  // object of the schema's type; attributes may be unknown
};

struct ValidateDataSourceResponse {
  Diagnostics diagnostics;
};

struct ReadDataSourceRequest {
  cty::Value config;  // object of the schema's type, wholly known
};

struct ReadDataSourceResponse {
  // The complete object of the schema's type, wholly known, non-null.
  cty::Value state;
  Diagnostics diagnostics;
};

class DataSource {
 public:
  virtual ~DataSource() = default;
  virtual std::string_view TypeName() const = 0;
  virtual const Schema& GetSchema() const = 0;
  // Both are safe to call from several threads at once.
  virtual void Validate(const ValidateDataSourceRequest& request,
                        ValidateDataSourceResponse* response) const = 0;
  virtual void Read(const ReadDataSourceRequest& request,
                    ReadDataSourceResponse* response) const = 0;
};

}  // namespace tf

#endif  // COMPLIANCECHECK_PROVIDER_TF_DATA_SOURCE_H_
